import { ForecastPeriod, periodMonths } from './forecast-periods';
import { ForecastOptions, forecastSignings } from './forecast';
import { ForecastProductLine, OPEN_STAGES, openStageIndex } from './hazards';
import { LogEvent, logAsOf } from './transition-log';

/** A plan people entered: arrivals at the contract stage in a month. */
export interface PlanCount {
  readonly period: string;
  readonly salespersonId: string;
  readonly unitId: string;
  readonly count: number;
}

/** Point forecasts by group key (`all|`, `unit|<id>`) and period key, e.g. the oracle's. */
export type PointForecaster = (asOf: Date, periods: readonly ForecastPeriod[]) => Map<string, Map<string, number>>;

/** The weighted pipeline most CRMs show: a fixed chance per stage (contact, needs, offer, defence, contract). */
export const FIXED_STAGE_WEIGHTS = [0.1, 0.2, 0.4, 0.6, 0.9];

export const BACKTEST_HORIZONS = ['month_1', 'month_2', 'month_3', 'next_3_months', 'quarter_at_start'] as const;
export type BacktestHorizon = (typeof BACKTEST_HORIZONS)[number];
export type BacktestLevel = 'all' | 'unit';

export interface BacktestError {
  readonly method: string;
  readonly horizon: BacktestHorizon;
  readonly level: BacktestLevel;
  /** Σ|forecast − actual| / Σ actual over origins (and units). */
  readonly wape: number | null;
  /** Mean of |forecast − actual| / actual over cells with an actual above 0. */
  readonly mape: number | null;
  readonly cells: number;
}

export interface BacktestResult {
  readonly origins: string[];
  readonly errors: BacktestError[];
  /** Share of actuals inside the model's P10-P90. */
  readonly coverage: { horizon: BacktestHorizon; level: BacktestLevel; coverage: number | null; cells: number }[];
  /** Brier score of each open deal's chance to sign by the forecast's last period end. */
  readonly brier: { method: 'model' | 'stage_weights'; score: number | null; deals: number }[];
}

interface Cell {
  method: string;
  horizon: BacktestHorizon;
  level: BacktestLevel;
  forecast: number;
  actual: number;
}

/**
 * The forecast as it would have been made at each origin (from the log before it only), against what the log says
 * happened after it, next to the baselines computed in the same run: fixed stage weights, the run rate of the last
 * three months, the plans, and any extra point forecaster.
 */
export function runBacktest(
  events: readonly LogEvent[],
  lines: readonly ForecastProductLine[],
  plans: readonly PlanCount[],
  origins: readonly Date[],
  options: ForecastOptions & { extra?: Record<string, PointForecaster> } = {},
): BacktestResult {
  const inScope = options.scope ?? (() => true);
  const wins = events.filter((e) => e.toStatus === 'won' && inScope(e));
  const cells: Cell[] = [];
  const covered: { horizon: BacktestHorizon; level: BacktestLevel; inside: boolean }[] = [];
  const brier = { model: [0, 0], stage_weights: [0, 0] };
  for (const asOf of origins) {
    const f = forecastSignings(events, lines, asOf, { ...options, months: 3 });
    const horizons = horizonPeriods(f.periods, asOf);
    const t0 = asOf.getTime();
    const keyOf = (kind: string, id: string | null) => `${kind}|${id ?? ''}`;
    const actual = (level: BacktestLevel, p: ForecastPeriod) => {
      const out = new Map<string, number>();
      for (const w of wins) {
        const at = w.at.getTime();
        if (at < p.from.getTime() || at >= p.to.getTime()) continue;
        const key = level === 'all' ? 'all|' : keyOf('unit', w.unitId);
        out.set(key, (out.get(key) ?? 0) + 1);
      }
      return out;
    };
    const state = logAsOf(events, asOf);
    const weighted = new Map<string, number>();
    const recent = new Map<string, number>();
    for (const s of state.open.filter(inScope)) {
      const w = FIXED_STAGE_WEIGHTS[openStageIndex(s.stage)] ?? 0;
      for (const key of ['all|', keyOf('unit', s.unitId)]) weighted.set(key, (weighted.get(key) ?? 0) + w);
    }
    const lastQuarter = new Date(asOf);
    lastQuarter.setUTCMonth(lastQuarter.getUTCMonth() - 3);
    for (const w of wins) {
      const at = w.at.getTime();
      if (at < lastQuarter.getTime() || at >= t0) continue;
      for (const key of ['all|', keyOf('unit', w.unitId)]) recent.set(key, (recent.get(key) ?? 0) + 1 / 3);
    }
    const extra = Object.entries(options.extra ?? {}).map(([name, fn]) => [name, fn(asOf, f.periods)] as const);
    for (const [horizon, p] of horizons) {
      const months = p.kind === 'month' ? 1 : 3;
      for (const level of ['all', 'unit'] as const) {
        const act = actual(level, p);
        const keys =
          level === 'all'
            ? ['all|']
            : [...new Set([...weighted.keys(), ...act.keys()])].filter((k) => k.startsWith('unit|'));
        for (const key of keys) {
          const a = act.get(key) ?? 0;
          const line = f.lines.find((l) => keyOf(l.kind, l.id) === key && l.period === p.key);
          const push = (method: string, forecast: number) =>
            cells.push({ method, horizon, level, forecast, actual: a });
          if (line) {
            push('model', line.count.p50);
            covered.push({ horizon, level, inside: a >= line.count.p10 && a <= line.count.p90 });
          } else push('model', 0);
          push('stage_weights', ((weighted.get(key) ?? 0) * months) / 3);
          push('run_rate', (recent.get(key) ?? 0) * months);
          push('plans', planned(plans, key, p));
          for (const [name, points] of extra) push(name, points.get(key)?.get(p.key) ?? 0);
        }
      }
    }
    const end = Math.max(...f.periods.map((p) => p.to.getTime()));
    const signed = new Set(wins.filter((w) => w.at.getTime() >= t0 && w.at.getTime() < end).map((w) => w.prospectId));
    for (const d of f.deals) {
      const o = signed.has(d.prospectId) ? 1 : 0;
      brier.model[0] += (d.probability - o) ** 2;
      brier.model[1]++;
      brier.stage_weights[0] += ((FIXED_STAGE_WEIGHTS[OPEN_STAGES.indexOf(d.stage)] ?? 0) - o) ** 2;
      brier.stage_weights[1]++;
    }
  }
  return {
    origins: origins.map((o) => o.toISOString().slice(0, 10)),
    errors: summarise(cells),
    coverage: groupBy(covered, (c) => `${c.horizon}|${c.level}`).map((g) => ({
      horizon: g[0].horizon,
      level: g[0].level,
      coverage: g.filter((c) => c.inside).length / g.length,
      cells: g.length,
    })),
    brier: (['model', 'stage_weights'] as const).map((method) => ({
      method,
      score: brier[method][1] ? brier[method][0] / brier[method][1] : null,
      deals: brier[method][1],
    })),
  };
}

function horizonPeriods(periods: readonly ForecastPeriod[], asOf: Date): [BacktestHorizon, ForecastPeriod][] {
  const months = periods.filter((p) => p.kind === 'month');
  const next3 = periods.find((p) => p.kind === 'next_3_months')!;
  const out: [BacktestHorizon, ForecastPeriod][] = [
    ['month_1', months[0]],
    ['month_2', months[1]],
    ['month_3', months[2]],
    ['next_3_months', next3],
  ];
  const atQuarterStart = asOf.getUTCDate() === 1 && asOf.getUTCMonth() % 3 === 0 && asOf.getUTCHours() === 0;
  if (atQuarterStart) out.push(['quarter_at_start', next3]);
  return out;
}

function planned(plans: readonly PlanCount[], key: string, p: ForecastPeriod): number {
  const months = new Set(periodMonths(p));
  return plans
    .filter((x) => months.has(x.period) && (key === 'all|' || key === `unit|${x.unitId}`))
    .reduce((s, x) => s + x.count, 0);
}

function summarise(cells: readonly Cell[]): BacktestError[] {
  return groupBy(cells, (c) => `${c.method}|${c.horizon}|${c.level}`).map((g) => {
    const total = g.reduce((s, c) => s + c.actual, 0);
    const err = g.reduce((s, c) => s + Math.abs(c.forecast - c.actual), 0);
    const positive = g.filter((c) => c.actual > 0);
    return {
      method: g[0].method,
      horizon: g[0].horizon,
      level: g[0].level,
      wape: total > 0 ? err / total : null,
      mape: positive.length
        ? positive.reduce((s, c) => s + Math.abs(c.forecast - c.actual) / c.actual, 0) / positive.length
        : null,
      cells: g.length,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): T[][] {
  const out = new Map<string, T[]>();
  for (const item of items) (out.get(key(item)) ?? out.set(key(item), []).get(key(item))!).push(item);
  return [...out.values()];
}
