import { AnalyticsError, AnalyticsErrorCode, assertCount, ratioOrNull } from './analytics-error';
import { MonthKey, isMonthKey, monthKeysBetween } from './period';
import { ANALYTICS_STAGES, AnalyticsStage, analyticsStageIndex, assertAnalyticsStage } from './stages';

/** The stage whose entry month defines a cohort: primary contact (stage 2). */
export const COHORT_ENTRY_STAGE = 'primary_contact' satisfies AnalyticsStage;

/** The stages after the cohort entry stage, in funnel order. */
export const COHORT_LATER_STAGES: readonly AnalyticsStage[] = ANALYTICS_STAGES.slice(
  analyticsStageIndex(COHORT_ENTRY_STAGE) + 1,
);

/** One prospect of a cohort: the month it entered stage 2 and the furthest stage it has reached by now. */
export interface CohortProspect {
  readonly cohortMonth: MonthKey;
  readonly furthestStage: AnalyticsStage;
}

export interface CohortRow {
  readonly cohortMonth: MonthKey;
  /** Prospects that entered stage 2 in this month. */
  readonly entered: number;
  /** Of those, how many have reached each later stage by now (reaching stage 5 counts for 3 and 4 too). */
  readonly reached: Readonly<Partial<Record<AnalyticsStage, number>>>;
  /** `reached / entered` per later stage; `null` when the cohort is empty. */
  readonly rates: Readonly<Partial<Record<AnalyticsStage, number | null>>>;
}

export interface CohortTableOptions {
  /** List every month from `fromMonth` to `toMonth` (both included), empty cohorts too; prospects outside are ignored. */
  readonly fromMonth?: MonthKey;
  readonly toMonth?: MonthKey;
}

/**
 * The cohort table: one row per entry month, ascending. Without a range, only months that have prospects appear.
 * A lost prospect still counts for every stage up to the furthest one it reached.
 */
export function cohortTable(prospects: readonly CohortProspect[], options: CohortTableOptions = {}): CohortRow[] {
  return cohortTableFromCounts(
    prospects.map((prospect) => ({ ...prospect, count: 1 })),
    options,
  );
}

/** One row of a cohort aggregate (`GROUP BY cohort month, furthest stage`). */
export interface CohortCount extends CohortProspect {
  readonly count: number;
}

/** The cohort table from grouped counts (what SQL returns), with the same rules as `cohortTable`. */
export function cohortTableFromCounts(counts: readonly CohortCount[], options: CohortTableOptions = {}): CohortRow[] {
  const entryIndex = analyticsStageIndex(COHORT_ENTRY_STAGE);
  // Per month: how many prospects stopped furthest at each stage index.
  const byMonth = new Map<MonthKey, number[]>();
  const range =
    options.fromMonth !== undefined || options.toMonth !== undefined
      ? monthKeysBetween(requireMonth(options.fromMonth, 'fromMonth'), requireMonth(options.toMonth, 'toMonth'))
      : undefined;
  const emptyCounts = (): number[] => ANALYTICS_STAGES.map(() => 0);
  for (const month of range ?? []) byMonth.set(month, emptyCounts());

  for (const row of counts) {
    if (!isMonthKey(row.cohortMonth)) {
      throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `"${row.cohortMonth}" is not a YYYY-MM month.`);
    }
    assertAnalyticsStage(row.furthestStage);
    assertCount(row.count, `cohort count of ${row.cohortMonth}`);
    const furthest = analyticsStageIndex(row.furthestStage);
    // A prospect in a cohort has entered stage 2 by definition; an earlier furthest stage means broken input.
    if (furthest < entryIndex) {
      throw new AnalyticsError(
        AnalyticsErrorCode.InvalidInput,
        `A cohort prospect must have reached ${COHORT_ENTRY_STAGE}, not only ${row.furthestStage}.`,
        { cohortMonth: row.cohortMonth, furthestStage: row.furthestStage },
      );
    }
    let perStage = byMonth.get(row.cohortMonth);
    if (!perStage) {
      if (range) continue;
      perStage = emptyCounts();
      byMonth.set(row.cohortMonth, perStage);
    }
    perStage[furthest] += row.count;
  }

  return [...byMonth.keys()].sort().map((cohortMonth) => {
    const perStage = byMonth.get(cohortMonth) ?? emptyCounts();
    const entered = perStage.reduce((sum, n) => sum + n, 0);
    const reached: Partial<Record<AnalyticsStage, number>> = {};
    const rates: Partial<Record<AnalyticsStage, number | null>> = {};
    for (const stage of COHORT_LATER_STAGES) {
      const index = analyticsStageIndex(stage);
      const count = perStage.slice(index).reduce((sum, n) => sum + n, 0);
      reached[stage] = count;
      rates[stage] = ratioOrNull(count, entered);
    }
    return { cohortMonth, entered, reached, rates };
  });
}

function requireMonth(value: MonthKey | undefined, what: string): MonthKey {
  if (value === undefined || !isMonthKey(value)) {
    throw new AnalyticsError(
      AnalyticsErrorCode.InvalidPeriod,
      `${what} must be a YYYY-MM month when a range is given.`,
      {
        [what]: value,
      },
    );
  }
  return value;
}
