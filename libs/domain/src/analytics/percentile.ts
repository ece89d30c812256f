import { AnalyticsError, AnalyticsErrorCode, assertNonNegative } from './analytics-error';
import { ANALYTICS_STAGES, AnalyticsStage, assertAnalyticsStage } from './stages';

/**
 * The `p`-quantile (`p` in [0, 1]) by linear interpolation between closest ranks: the value at position
 * `(n - 1) * p` of the sorted list, interpolated between its neighbours. This is PostgreSQL's `percentile_cont`,
 * numpy's default and Excel's `PERCENTILE.INC`, so a SQL cross-check gives the same answer.
 * Empty input gives `null`.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, 'A percentile must be between 0 and 1.', { p });
  }
  if (values.length === 0) return null;
  for (const value of values) {
    if (!Number.isFinite(value)) {
      throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, 'Percentile input must be finite numbers.', { value });
    }
  }
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

export interface DurationStats {
  readonly count: number;
  /** `null` when there are no durations. */
  readonly median: number | null;
  readonly p90: number | null;
}

/** Median and 90th percentile of durations (any unit; results are in the same unit). */
export function durationStats(durations: readonly number[]): DurationStats {
  for (const duration of durations) assertNonNegative(duration, 'duration');
  return { count: durations.length, median: percentile(durations, 0.5), p90: percentile(durations, 0.9) };
}

/** One finished (or still open) stay of a prospect in a stage, from the stage-transition log. */
export interface StageDurationRow {
  readonly productLineId: string;
  readonly stage: AnalyticsStage;
  readonly duration: number;
}

export interface TimeInStage extends DurationStats {
  readonly productLineId: string;
  readonly stage: AnalyticsStage;
}

/**
 * Median and p90 time in stage per product line and stage, ordered by product line then funnel order.
 * Only combinations that have rows appear; the caller adds empty lines if it wants them.
 */
export function timeInStageByProductLine(rows: readonly StageDurationRow[]): TimeInStage[] {
  const groups = new Map<string, Map<AnalyticsStage, number[]>>();
  for (const row of rows) {
    assertAnalyticsStage(row.stage);
    const byStage = groups.get(row.productLineId) ?? new Map<AnalyticsStage, number[]>();
    const durations = byStage.get(row.stage) ?? [];
    durations.push(row.duration);
    byStage.set(row.stage, durations);
    groups.set(row.productLineId, byStage);
  }
  return [...groups.keys()].sort().flatMap((productLineId) => {
    const byStage = groups.get(productLineId) ?? new Map<AnalyticsStage, number[]>();
    return ANALYTICS_STAGES.filter((stage) => byStage.has(stage)).map((stage) => ({
      productLineId,
      stage,
      ...durationStats(byStage.get(stage) ?? []),
    }));
  });
}
