import { assertNever } from '../domain-error';
import { TaskStatus } from './task-graph';
import type { TaskGroup } from './task-template';

/** Values are part of idempotency keys: never rename. */
export enum OverdueLevel {
  /** At the due moment: the assignee (or, if nobody claimed it, the group queue) is reminded. */
  Reminder = 'reminder',
  /** After the grace period: the group lead is told. */
  Escalation = 'escalation',
}

/** What the sweep needs of a task. `dueAt` is null while the task is blocked (its due period has not started). */
export interface OverdueTask {
  taskId: string;
  status: TaskStatus;
  group: TaskGroup;
  assigneeId: string | null;
  dueAt: Date | null;
}

export type OverdueRecipient =
  { kind: 'assignee'; userId: string } | { kind: 'group'; group: TaskGroup } | { kind: 'group_lead'; group: TaskGroup };

export interface OverdueNotice {
  taskId: string;
  level: OverdueLevel;
  recipient: OverdueRecipient;
  /** Same task and level, same key: the sender keeps exactly one notice per task and level. */
  idempotencyKey: string;
}

const HOUR_MS = 60 * 60 * 1000;

/** Stable key of the notice of `level` for task `taskId`; independent of time, assignee and due date. */
export function overdueIdempotencyKey(taskId: string, level: OverdueLevel): string {
  return `contract-task:${taskId}:overdue:${level}`;
}

function recipientFor(task: OverdueTask, level: OverdueLevel): OverdueRecipient {
  switch (level) {
    case OverdueLevel.Reminder:
      return task.assigneeId === null
        ? { kind: 'group', group: task.group }
        : { kind: 'assignee', userId: task.assigneeId };
    case OverdueLevel.Escalation:
      return { kind: 'group_lead', group: task.group };
    default:
      return assertNever(level, 'overdue level');
  }
}

/**
 * The levels due for one task at `now` (time is a parameter: the sweep decides, this never reads the clock).
 * A reminder from `dueAt` on, an escalation from `dueAt + graceHours` on; none once done or while blocked.
 * Both levels are returned once reached: the sender's idempotency keys drop those already sent, so a missed
 * sweep still catches up.
 */
export function overdueNotices(task: OverdueTask, now: Date, graceHours: number): OverdueNotice[] {
  if (!Number.isFinite(graceHours) || graceHours < 0) {
    throw new RangeError(`graceHours must be zero or more, got ${graceHours}`);
  }
  if (task.status === TaskStatus.Done || task.dueAt === null) return [];
  const levels: OverdueLevel[] = [];
  const due = task.dueAt.getTime();
  if (now.getTime() >= due) levels.push(OverdueLevel.Reminder);
  if (now.getTime() >= due + graceHours * HOUR_MS) levels.push(OverdueLevel.Escalation);
  return levels.map((level) => ({
    taskId: task.taskId,
    level,
    recipient: recipientFor(task, level),
    idempotencyKey: overdueIdempotencyKey(task.taskId, level),
  }));
}

/** All notices of a sweep, in input task order, reminder before escalation. */
export function sweepOverdue(tasks: readonly OverdueTask[], now: Date, graceHours: number): OverdueNotice[] {
  return tasks.flatMap((task) => overdueNotices(task, now, graceHours));
}
