import { AnalyticsError, AnalyticsErrorCode } from './analytics-error';

/**
 * The six funnel stages in funnel order. Mirrors the values of the funnel `Stage` enum
 * (`libs/domain/src/funnel/stage.ts`); kept local so the formulas do not depend on that module.
 * Values are the stored strings: never rename.
 */
export const ANALYTICS_STAGES = [
  'sampling',
  'primary_contact',
  'needs_identification',
  'offer_formation',
  'offer_defence',
  'contract',
] as const;

export type AnalyticsStage = (typeof ANALYTICS_STAGES)[number];

/** Per-stage counts; a missing stage counts as 0 (SQL `GROUP BY` omits empty groups). */
export type AnalyticsStageCounts = Partial<Readonly<Record<AnalyticsStage, number>>>;

export function isAnalyticsStage(value: string): value is AnalyticsStage {
  return (ANALYTICS_STAGES as readonly string[]).includes(value);
}

/** 0-based position of a stage in the funnel. */
export function analyticsStageIndex(stage: AnalyticsStage): number {
  return ANALYTICS_STAGES.indexOf(stage);
}

// Stage strings arrive from SQL rows typed by a cast; an unknown value would silently become NaN in a record.
export function assertAnalyticsStage(value: string): asserts value is AnalyticsStage {
  if (!isAnalyticsStage(value)) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `"${value}" is not a funnel stage.`, { stage: value });
  }
}
