import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import {
  AnalyticsStage,
  ForecastPeriod,
  PlanCount,
  Stage,
  forecastScopeOf,
  forecastSignings,
  monthKeyOf,
  monthsThroughNextQuarter,
  periodMonths,
  recentBacktestOrigins,
  runBacktest,
} from '@dealgate/domain';
import { AnalyticsScopeResolver } from './analytics-scope';
import { ForecastBacktestQuery, ForecastQuery, ForecastScopeQuery } from './forecast.dto';
import { ForecastRepository, PlannedArrivals } from './forecast.repository';
import type { ForecastBacktestView, ForecastReportView, HorizonBacktestView } from './forecast.view';

/** Simulated futures per answer, and per backtest origin (fewer: it answers in seconds). */
const RUNS = 500;
const BACKTEST_RUNS = 200;
const SEED = 1;
const BACKTEST_HORIZONS = ['month_1', 'month_2', 'month_3', 'next_3_months'] as const;
/** The plans baseline of the backtest: the arrivals people planned at the contract stage. */
const PLANS_BASELINE_STAGE: AnalyticsStage = Stage.Contract;

/** The signed-contract forecast (libs/domain/src/forecast) over this company's log, within the caller's scope. */
@Injectable()
export class ForecastService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ForecastRepository,
    private readonly scopes: AnalyticsScopeResolver,
    private readonly clock: Clock,
  ) {}

  async forecast(user: Principal, query: ForecastQuery): Promise<ForecastReportView> {
    const { scope, asOf, log, lines } = await this.load(user, query);
    const inScope = forecastScopeOf(scope);
    const months = monthsThroughNextQuarter(asOf);
    const f = forecastSignings(log.events, lines, asOf, {
      scope: inScope,
      runs: RUNS,
      seed: SEED,
      months,
      stageArrivals: true,
      contractDue: log.contractDue,
    });
    const monthKeys = f.periods.flatMap(periodMonths);
    const plans = await this.repository.plans(
      this.dataSource.manager,
      { from: monthKeys[0], to: monthKeys[monthKeys.length - 1] },
      scope,
    );
    const currency = log.currencies.length === 1 ? log.currencies[0] : null;
    const page = f.deals.slice(query.offset, query.offset + query.limit);
    const names = await this.repository.companyNames(
      this.dataSource.manager,
      page.map((d) => d.prospectId),
    );
    return {
      asOf: asOf.toISOString(),
      scope,
      history: {
        from: log.events[0]?.at.toISOString() ?? null,
        signed: log.events.filter((e) => e.toStatus === 'won' && inScope(e)).length,
      },
      currency,
      runs: f.runs,
      periods: f.periods.map((p) => {
        const line = f.lines.find((l) => l.kind === 'all' && l.period === p.key)!;
        return {
          key: p.key,
          kind: p.kind,
          from: p.from.toISOString(),
          to: p.to.toISOString(),
          count: line.count,
          valueMinor: currency === null ? null : line.valueMinor,
          arrivals: f.arrivals
            .filter((a) => a.kind === 'all' && a.period === p.key)
            .map((a) => ({ stage: a.stage, count: a.count, planned: plannedIn(plans, p, a.stage) })),
        };
      }),
      deals: {
        items: page.map((d) => ({ ...d, companyName: names.get(d.prospectId) ?? '' })),
        total: f.deals.length,
        limit: query.limit,
        offset: query.offset,
      },
    };
  }

  async backtest(user: Principal, query: ForecastBacktestQuery): Promise<ForecastBacktestView> {
    const { scope, asOf, log, lines } = await this.load(user, query);
    const origins = recentBacktestOrigins(asOf, query.origins, log.events[0]?.at ?? null);
    const base = { asOf: asOf.toISOString(), scope, originDates: origins.map((o) => o.toISOString().slice(0, 10)) };
    if (origins.length === 0) {
      return {
        ...base,
        origins: 0,
        reason: 'history_too_short',
        message:
          'A backtest needs an origin with three months of log before it and three months after it; ' +
          'the log is not that long yet.',
        horizons: [],
        brier: null,
        stageWeightsBrier: null,
      };
    }
    const months = { from: monthKeyOf(origins[0]), to: monthKeyOf(addMonths(origins[origins.length - 1], 3)) };
    const plans = (await this.repository.plans(this.dataSource.manager, months, scope))
      .filter((p) => p.stage === PLANS_BASELINE_STAGE)
      .map((p): PlanCount => ({ period: p.period, salespersonId: p.salespersonId, unitId: p.unitId, count: p.count }));
    const result = runBacktest(log.events, lines, plans, origins, {
      scope: forecastScopeOf(scope),
      runs: BACKTEST_RUNS,
      seed: SEED,
      // Each origin reads only the reports received before it (latestContractDue).
      contractDue: log.contractDue,
    });
    const error = (method: string, horizon: string) =>
      result.errors.find((e) => e.method === method && e.horizon === horizon && e.level === 'all');
    const planned = plans.length > 0;
    const horizons: HorizonBacktestView[] = BACKTEST_HORIZONS.map((horizon) => ({
      horizon,
      wape: error('model', horizon)?.wape ?? null,
      mape: error('model', horizon)?.mape ?? null,
      stageWeightsWape: error('stage_weights', horizon)?.wape ?? null,
      stageWeightsMape: error('stage_weights', horizon)?.mape ?? null,
      runRateWape: error('run_rate', horizon)?.wape ?? null,
      runRateMape: error('run_rate', horizon)?.mape ?? null,
      plansWape: planned ? (error('plans', horizon)?.wape ?? null) : null,
      plansMape: planned ? (error('plans', horizon)?.mape ?? null) : null,
      coverage: result.coverage.find((c) => c.horizon === horizon && c.level === 'all')?.coverage ?? null,
      cells: error('model', horizon)?.cells ?? 0,
    }));
    const signed = horizons.some((h) => h.wape !== null);
    return {
      ...base,
      origins: origins.length,
      reason: signed ? null : 'no_signings',
      message: signed ? null : 'No contract was signed in the scope after any origin, so there is no error to measure.',
      horizons,
      brier: result.brier.find((b) => b.method === 'model')?.score ?? null,
      stageWeightsBrier: result.brier.find((b) => b.method === 'stage_weights')?.score ?? null,
    };
  }

  private async load(user: Principal, query: ForecastScopeQuery) {
    const scope = await this.scopes.resolve(user, query);
    const asOf = query.asOf ? new Date(query.asOf) : this.clock.now();
    const manager = this.dataSource.manager;
    const [log, lines] = await Promise.all([this.repository.log(manager, asOf), this.repository.productLines(manager)]);
    return { scope, asOf, log, lines };
  }
}

/**
 * The planned count of a stage in a period: plans are entered per whole month, so the next three months have none;
 * a stage no plan of those months names is not planned (`null`), which is not a plan of zero.
 */
function plannedIn(plans: readonly PlannedArrivals[], p: ForecastPeriod, stage: string): number | null {
  if (p.kind === 'next_3_months') return null;
  const months = new Set(periodMonths(p));
  const rows = plans.filter((x) => x.stage === stage && months.has(x.period));
  return rows.length === 0 ? null : rows.reduce((sum, x) => sum + x.count, 0);
}

function addMonths(d: Date, n: number): Date {
  const out = new Date(d);
  out.setUTCMonth(out.getUTCMonth() + n);
  return out;
}
