import { AnalyticsError, AnalyticsErrorCode, ratioOrNull } from './analytics-error';
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
  const entryIndex = analyticsStageIndex(COHORT_ENTRY_STAGE);
  const furthestByMonth = new Map<MonthKey, number[]>();
  const range =
    options.fromMonth !== undefined || options.toMonth !== undefined
      ? monthKeysBetween(requireMonth(options.fromMonth, 'fromMonth'), requireMonth(options.toMonth, 'toMonth'))
      : undefined;
  for (const month of range ?? []) furthestByMonth.set(month, []);

  for (const prospect of prospects) {
    if (!isMonthKey(prospect.cohortMonth)) {
      throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `"${prospect.cohortMonth}" is not a YYYY-MM month.`);
    }
    assertAnalyticsStage(prospect.furthestStage);
    const furthest = analyticsStageIndex(prospect.furthestStage);
    // A prospect in a cohort has entered stage 2 by definition; an earlier furthest stage means broken input.
    if (furthest < entryIndex) {
      throw new AnalyticsError(
        AnalyticsErrorCode.InvalidInput,
        `A cohort prospect must have reached ${COHORT_ENTRY_STAGE}, not only ${prospect.furthestStage}.`,
        { cohortMonth: prospect.cohortMonth, furthestStage: prospect.furthestStage },
      );
    }
    const list = furthestByMonth.get(prospect.cohortMonth);
    if (list) list.push(furthest);
    else if (!range) furthestByMonth.set(prospect.cohortMonth, [furthest]);
  }

  return [...furthestByMonth.keys()].sort().map((cohortMonth) => {
    const furthest = furthestByMonth.get(cohortMonth) ?? [];
    const reached: Partial<Record<AnalyticsStage, number>> = {};
    const rates: Partial<Record<AnalyticsStage, number | null>> = {};
    for (const stage of COHORT_LATER_STAGES) {
      const index = analyticsStageIndex(stage);
      const count = furthest.filter((f) => f >= index).length;
      reached[stage] = count;
      rates[stage] = ratioOrNull(count, furthest.length);
    }
    return { cohortMonth, entered: furthest.length, reached, rates };
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
