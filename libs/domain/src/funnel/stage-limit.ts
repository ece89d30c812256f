// How long a prospect has sat in its stage against its product line's limit for that stage: the one definition the
// board, the prospect page, the home page and the stall reports all use (SQL filters mirror it, see
// apps/prospects/src/shared/stage-limit.sql.ts).

/** A day of a stage limit is exactly 24 hours (no calendar, no time zone: the same everywhere). */
export const STAGE_DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since the prospect entered its stage (never negative: an entry after `now` counts as just entered). */
export function daysInStage(stageEnteredAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - stageEnteredAt.getTime()) / STAGE_DAY_MS));
}

/** The moment after which a prospect in the stage is over its limit. */
export function stallDeadline(stageEnteredAt: Date, limitDays: number): Date {
  return new Date(stageEnteredAt.getTime() + limitDays * STAGE_DAY_MS);
}

/** Over the limit: longer in the stage than the limit (exactly the limit is still on time). */
export function isStalled(stageEnteredAt: Date, now: Date, limitDays: number): boolean {
  return now.getTime() > stallDeadline(stageEnteredAt, limitDays).getTime();
}

export interface StageTime {
  /** Whole days in the stage so far. */
  readonly daysInStage: number;
  /** The product line's limit for the stage; `null` when it sets none. */
  readonly stageLimitDays: number | null;
  /** When the limit runs out; `null` without a limit. */
  readonly dueAt: Date | null;
  /** Past `dueAt` (never without a limit). */
  readonly overLimit: boolean;
}

/** Days in the stage against the limit, at `now` (passed in: the rule never reads the clock). */
export function stageTime(stageEnteredAt: Date, stageLimitDays: number | null, now: Date): StageTime {
  const days = daysInStage(stageEnteredAt, now);
  if (stageLimitDays === null) return { daysInStage: days, stageLimitDays, dueAt: null, overLimit: false };
  return {
    daysInStage: days,
    stageLimitDays,
    dueAt: stallDeadline(stageEnteredAt, stageLimitDays),
    overLimit: isStalled(stageEnteredAt, now, stageLimitDays),
  };
}
