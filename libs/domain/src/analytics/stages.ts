import { STAGE_ORDER, Stage } from '../funnel/stage';
import { AnalyticsError, AnalyticsErrorCode } from './analytics-error';

/** A funnel stage as the analytics store it: the funnel `Stage` enum's values (libs/domain/src/funnel/stage.ts). */
export type AnalyticsStage = `${Stage}`;

/** The six funnel stages in funnel order: the funnel's own `STAGE_ORDER`, read as the stored strings. */
export const ANALYTICS_STAGES: readonly AnalyticsStage[] = STAGE_ORDER;

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
