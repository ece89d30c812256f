import { assertNever } from '../domain-error';
import { ResolvedApprovalStep } from './policy-resolution';

/** The SLA levels a pending step goes through. Values are part of idempotency keys: never rename. */
export enum ApprovalSlaLevel {
  Reminder = 'reminder',
  Escalation = 'escalation',
}

export type ApprovalSlaTimer = Pick<ResolvedApprovalStep, 'dueAfterMinutes' | 'escalationGraceMinutes' | 'escalateTo'>;

export interface DueApprovalSlaLevel {
  readonly level: ApprovalSlaLevel;
  readonly dueAt: Date;
  /** Stable across sweeps and restarts: store it under a unique constraint to emit each level exactly once. */
  readonly key: string;
}

const MINUTE_MS = 60_000;

/** When the approver is reminded (due) and when the step escalates (due + grace; null when it never escalates). */
export function approvalSlaDeadlines(
  timer: ApprovalSlaTimer,
  activatedAt: Date,
): { readonly reminderAt: Date; readonly escalationAt: Date | null } {
  const reminderAt = new Date(activatedAt.getTime() + timer.dueAfterMinutes * MINUTE_MS);
  const escalationAt =
    timer.escalateTo === null ? null : new Date(reminderAt.getTime() + timer.escalationGraceMinutes * MINUTE_MS);
  return { reminderAt, escalationAt };
}

/**
 * The levels whose time has come at `now` (inclusive: a level is due at its exact instant), in order, each with
 * its idempotency key. A sweep may call this as often as it likes; it emits the levels whose key it has not stored.
 * Time is a parameter: this never reads the clock.
 */
export function dueApprovalSlaLevels(
  requestId: string,
  stepIndex: number,
  timer: ApprovalSlaTimer,
  activatedAt: Date,
  now: Date,
): readonly DueApprovalSlaLevel[] {
  const deadlines = approvalSlaDeadlines(timer, activatedAt);
  const due: DueApprovalSlaLevel[] = [];
  for (const level of Object.values(ApprovalSlaLevel)) {
    const dueAt = deadlineOf(level, deadlines);
    if (dueAt !== null && dueAt.getTime() <= now.getTime()) {
      due.push({ level, dueAt, key: reminderKey(requestId, stepIndex, level) });
    }
  }
  return due;
}

/** True once the step is overdue by its grace, so the escalation target may decide it too. */
export function isEscalated(timer: ApprovalSlaTimer, activatedAt: Date, now: Date): boolean {
  const { escalationAt } = approvalSlaDeadlines(timer, activatedAt);
  return escalationAt !== null && escalationAt.getTime() <= now.getTime();
}

/**
 * The idempotency key of one SLA level of one step of one request, e.g. `approval:42:1:reminder`.
 * Unambiguous even if the request id holds colons: the step index and level are read from the right.
 */
export function reminderKey(requestId: string, stepIndex: number, level: ApprovalSlaLevel): string {
  if (requestId.length === 0 || !Number.isInteger(stepIndex) || stepIndex < 0) {
    // A programming error, not a business rule: a key must never collide.
    throw new RangeError(`Invalid reminder key parts: request "${requestId}", step ${stepIndex}.`);
  }
  return `approval:${requestId}:${stepIndex}:${level}`;
}

function deadlineOf(
  level: ApprovalSlaLevel,
  deadlines: { readonly reminderAt: Date; readonly escalationAt: Date | null },
): Date | null {
  switch (level) {
    case ApprovalSlaLevel.Reminder:
      return deadlines.reminderAt;
    case ApprovalSlaLevel.Escalation:
      return deadlines.escalationAt;
    default:
      return assertNever(level, 'SLA level');
  }
}
