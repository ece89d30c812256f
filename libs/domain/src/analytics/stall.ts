import { AnalyticsError, AnalyticsErrorCode, assertValidDate } from './analytics-error';
import { STAGE_DAY_MS, stageTime } from '../funnel/stage-limit';
import { AnalyticsStage, assertAnalyticsStage } from './stages';

/** A prospect's current stay in a stage, with its product line's limit for that stage. */
export interface StageStay {
  readonly prospectId: string;
  readonly stage: AnalyticsStage;
  readonly enteredAt: Date;
  /** The product line's time limit for this stage in days; `null` when the stage has no limit. */
  readonly limitDays: number | null;
}

export interface StallCheck {
  /** Stable per prospect + stage + entry: a notifier sends once per key, and re-entering the stage makes a new one. */
  readonly key: string;
  readonly prospectId: string;
  readonly stage: AnalyticsStage;
  readonly stalled: boolean;
  /** Whole days spent in the stage so far. */
  readonly daysInStage: number;
  /** When the limit runs out; `null` without a limit. */
  readonly dueAt: Date | null;
  /** Started days past the limit (1 from the first instant over it); 0 when not stalled. */
  readonly daysOver: number;
}

/** `stall:<prospect>:<stage>:<entered ISO time>`: the same stay always yields the same key. */
export function stageStallKey(prospectId: string, stage: AnalyticsStage, enteredAt: Date): string {
  assertValidDate(enteredAt, 'stage entry time');
  return `stall:${prospectId}:${stage}:${enteredAt.toISOString()}`;
}

/**
 * Whether a stay is over its limit at `now` (passed in: the formulas never read the clock).
 * Stalled means strictly past `enteredAt + limitDays`; exactly at the limit is still on time.
 */
export function checkStageStall(stay: StageStay, now: Date): StallCheck {
  assertAnalyticsStage(stay.stage);
  assertValidDate(now, 'now');
  const key = stageStallKey(stay.prospectId, stay.stage, stay.enteredAt);
  if (stay.limitDays !== null && !(Number.isFinite(stay.limitDays) && stay.limitDays >= 0)) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, 'A stage limit must be 0 days or more.', {
      limitDays: stay.limitDays,
    });
  }
  // Days in the stage and the deadline as the board and the prospect page count them (an entry after `now`, clock
  // skew between writers, counts as just entered).
  const time = stageTime(stay.enteredAt, stay.limitDays, now);
  const base = { key, prospectId: stay.prospectId, stage: stay.stage, daysInStage: time.daysInStage };
  if (time.dueAt === null) return { ...base, stalled: false, dueAt: null, daysOver: 0 };
  const over = now.getTime() - time.dueAt.getTime();
  return {
    ...base,
    stalled: time.overLimit,
    dueAt: time.dueAt,
    daysOver: over > 0 ? Math.ceil(over / STAGE_DAY_MS) : 0,
  };
}

/** The stalled stays only, most overdue first (ties by key, so the order is stable). */
export function findStalledStays(stays: readonly StageStay[], now: Date): StallCheck[] {
  return stays
    .map((stay) => checkStageStall(stay, now))
    .filter((check) => check.stalled)
    .sort((a, b) => b.daysOver - a.daysOver || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
