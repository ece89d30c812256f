import { assertCount, ratioOrNull } from './analytics-error';
import { ANALYTICS_STAGES, AnalyticsStage, AnalyticsStageCounts, assertAnalyticsStage } from './stages';

/** Conversion from one stage to the next. `rate` is `null` when nobody reached `from` (never NaN). */
export interface StageConversion {
  readonly from: AnalyticsStage;
  readonly to: AnalyticsStage;
  readonly fromCount: number;
  readonly toCount: number;
  readonly rate: number | null;
}

/** One row of a lost-prospects aggregate (`GROUP BY stage, reason`). */
export interface LostCountRow {
  readonly stage: AnalyticsStage;
  readonly reason: string;
  readonly count: number;
}

export interface LostByReason {
  readonly reason: string;
  readonly total: number;
  /** Share of all lost prospects; `null` when nothing was lost. */
  readonly share: number | null;
  readonly byStage: Readonly<Record<AnalyticsStage, number>>;
}

export interface FunnelStageSummary {
  readonly stage: AnalyticsStage;
  readonly reached: number;
  readonly lost: number;
  /** Lost at this stage per prospect that reached it; `null` when none reached it. */
  readonly lostRate: number | null;
  /** Reached the next stage per prospect that reached this one; `null` for the last stage or when none reached it. */
  readonly conversionToNext: number | null;
  /** Reached this stage per prospect that reached the first stage; `null` when none reached the first stage. */
  readonly conversionFromStart: number | null;
}

function zeroByStage(): Record<AnalyticsStage, number> {
  const counts = {} as Record<AnalyticsStage, number>;
  for (const stage of ANALYTICS_STAGES) counts[stage] = 0;
  return counts;
}

function reachedCount(reached: AnalyticsStageCounts, stage: AnalyticsStage): number {
  const count = reached[stage] ?? 0;
  assertCount(count, `reached count of ${stage}`);
  return count;
}

/**
 * Conversion between consecutive stages from per-stage "reached" counts (five pairs for six stages).
 * Rates are not clamped: over a calendar period a prospect may reach stage N+1 in the period after reaching
 * stage N before it, so a rate above 1 is a true statement about that period, not an error.
 */
export function stageConversions(reached: AnalyticsStageCounts): StageConversion[] {
  return ANALYTICS_STAGES.slice(0, -1).map((from, i) => {
    const to = ANALYTICS_STAGES[i + 1];
    const fromCount = reachedCount(reached, from);
    const toCount = reachedCount(reached, to);
    return { from, to, fromCount, toCount, rate: ratioOrNull(toCount, fromCount) };
  });
}

/** Lost prospects per reason (with a per-stage breakdown), largest first, ties by reason name. */
export function lostByReason(rows: readonly LostCountRow[]): LostByReason[] {
  const byReason = new Map<string, Record<AnalyticsStage, number>>();
  let all = 0;
  for (const row of rows) {
    assertAnalyticsStage(row.stage);
    assertCount(row.count, `lost count of ${row.reason}`);
    const counts = byReason.get(row.reason) ?? zeroByStage();
    // Duplicate (stage, reason) rows are summed: the caller may aggregate in slices.
    counts[row.stage] += row.count;
    byReason.set(row.reason, counts);
    all += row.count;
  }
  return [...byReason.entries()]
    .map(([reason, byStage]) => {
      const total = ANALYTICS_STAGES.reduce((sum, stage) => sum + byStage[stage], 0);
      return { reason, total, share: ratioOrNull(total, all), byStage };
    })
    .sort((a, b) => b.total - a.total || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

/** One line per stage in funnel order: reached, lost, and the rates around it. */
export function summarizeFunnel(reached: AnalyticsStageCounts, lost: readonly LostCountRow[]): FunnelStageSummary[] {
  const lostPerStage = zeroByStage();
  for (const row of lost) {
    assertAnalyticsStage(row.stage);
    assertCount(row.count, `lost count of ${row.reason}`);
    lostPerStage[row.stage] += row.count;
  }
  const start = reachedCount(reached, ANALYTICS_STAGES[0]);
  const conversions = stageConversions(reached);
  return ANALYTICS_STAGES.map((stage, i) => {
    const count = reachedCount(reached, stage);
    return {
      stage,
      reached: count,
      lost: lostPerStage[stage],
      lostRate: ratioOrNull(lostPerStage[stage], count),
      conversionToNext: i < conversions.length ? conversions[i].rate : null,
      conversionFromStart: ratioOrNull(count, start),
    };
  });
}
