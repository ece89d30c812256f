import { assertCount, ratioOrNull } from './analytics-error';
import { ANALYTICS_STAGES, AnalyticsStage, analyticsStageIndex, assertAnalyticsStage } from './stages';

/**
 * A count per stage for one subject. `key` names the subject the caller groups by: a salesperson id,
 * a unit id, a product line id, or a composite the caller builds; the formulas do not care which.
 */
export interface PlanFactCount {
  readonly key: string;
  readonly stage: AnalyticsStage;
  readonly count: number;
}

export interface PlanFactRow {
  readonly key: string;
  readonly stage: AnalyticsStage;
  readonly plan: number;
  readonly fact: number;
  /** `fact - plan`: negative means behind plan. */
  readonly variance: number;
  /** `fact / plan * 100`; `null` when the plan is 0 (no target to measure against). */
  readonly percentOfPlan: number | null;
}

export interface PlanFactOptions {
  /** Stages to report for every key, in funnel order; default: all six. Missing counts are 0. */
  readonly stages?: readonly AnalyticsStage[];
}

export function planFactRow(key: string, stage: AnalyticsStage, plan: number, fact: number): PlanFactRow {
  assertCount(plan, `plan of ${key} at ${stage}`);
  assertCount(fact, `fact of ${key} at ${stage}`);
  const ratio = ratioOrNull(fact, plan);
  return { key, stage, plan, fact, variance: fact - plan, percentOfPlan: ratio === null ? null : ratio * 100 };
}

function sumByKeyStage(counts: readonly PlanFactCount[], what: string): Map<string, Map<AnalyticsStage, number>> {
  const byKey = new Map<string, Map<AnalyticsStage, number>>();
  for (const row of counts) {
    assertAnalyticsStage(row.stage);
    assertCount(row.count, `${what} of ${row.key} at ${row.stage}`);
    const byStage = byKey.get(row.key) ?? new Map<AnalyticsStage, number>();
    // Duplicate (key, stage) rows are summed, e.g. two plan lines for the same period slice.
    byStage.set(row.stage, (byStage.get(row.stage) ?? 0) + row.count);
    byKey.set(row.key, byStage);
  }
  return byKey;
}

/**
 * Plan against fact for every key found in either list, for each reported stage. Rows are ordered by key,
 * then by funnel order, so a key with a plan but no fact (or the reverse) still gets a full set of rows.
 */
export function comparePlanFact(
  plan: readonly PlanFactCount[],
  fact: readonly PlanFactCount[],
  options: PlanFactOptions = {},
): PlanFactRow[] {
  const stages = [...(options.stages ?? ANALYTICS_STAGES)].sort(
    (a, b) => analyticsStageIndex(a) - analyticsStageIndex(b),
  );
  const plans = sumByKeyStage(plan, 'plan');
  const facts = sumByKeyStage(fact, 'fact');
  const keys = [...new Set([...plans.keys(), ...facts.keys()])].sort();
  return keys.flatMap((key) =>
    stages.map((stage) => planFactRow(key, stage, plans.get(key)?.get(stage) ?? 0, facts.get(key)?.get(stage) ?? 0)),
  );
}

/** Totals per stage over all keys (e.g. a unit line under its salespeople), keyed by `totalKey`. */
export function totalPlanFact(rows: readonly PlanFactRow[], totalKey = 'total'): PlanFactRow[] {
  const totals = new Map<AnalyticsStage, { plan: number; fact: number }>();
  for (const row of rows) {
    const total = totals.get(row.stage) ?? { plan: 0, fact: 0 };
    total.plan += row.plan;
    total.fact += row.fact;
    totals.set(row.stage, total);
  }
  return ANALYTICS_STAGES.filter((stage) => totals.has(stage)).map((stage) => {
    const total = totals.get(stage) ?? { plan: 0, fact: 0 };
    return planFactRow(totalKey, stage, total.plan, total.fact);
  });
}
