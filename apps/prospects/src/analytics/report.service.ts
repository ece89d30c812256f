import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { Clock, Page, toPage } from '@dealgate/common';
import {
  AnalyticsError,
  AnalyticsErrorCode,
  AnalyticsPeriod,
  AnalyticsStage,
  CohortRow,
  FunnelStageSummary,
  LostByReason,
  LostCountRow,
  LostReasonLabels,
  StageConversion,
  addMonthsToKey,
  assertAnalyticsPeriod,
  assertAnalyticsStage,
  checkStageStall,
  cohortTableFromCounts,
  lostByReason,
  lostReasonLabels,
  monthKeyStart,
  monthKeysBetween,
  stageConversions,
  summarizeFunnel,
} from '@dealgate/domain';
import { AnalyticsScope, AnalyticsScopeResolver } from './analytics-scope';
import { CohortQuery, PeriodQuery, ScopedPageQuery } from './analytics.dto';
import { ReportRepository, StalledRow } from './report.repository';

const MAX_DAYS = 3700;
const MAX_COHORT_MONTHS = 60;
const DAY_MS = 86_400_000;

export interface FunnelReport {
  period: { from: string; to: string };
  scope: AnalyticsScope;
  stages: FunnelStageSummary[];
  conversions: StageConversion[];
  lostByReason: (LostByReason & { labels: LostReasonLabels })[];
  won: number;
}

export interface TimeInStageLine {
  productLineId: string;
  productLineName: string;
  stage: AnalyticsStage;
  limitDays: number | null;
  count: number;
  medianDays: number | null;
  p90Days: number | null;
}

export interface StalledProspect {
  prospectId: string;
  companyName: string;
  ownerId: string | null;
  unitId: string;
  productLineId: string;
  stage: AnalyticsStage;
  enteredAt: string;
  limitDays: number;
  daysInStage: number;
  daysOver: number;
}

/** A validated period of whole UTC days from `YYYY-MM-DD` bounds (`to` excluded). */
export function dayPeriod(from: string, to: string): AnalyticsPeriod {
  const period = { from: new Date(`${from}T00:00:00.000Z`), to: new Date(`${to}T00:00:00.000Z`) };
  assertAnalyticsPeriod(period);
  if (period.to.getTime() - period.from.getTime() > MAX_DAYS * DAY_MS) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidPeriod, `A report covers at most ${MAX_DAYS} days.`, {
      from,
      to,
    });
  }
  return period;
}

/** Funnel, conversion, cohorts, time in stage and stalled prospects, each within the caller's scope. */
@Injectable()
export class ReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportRepository,
    private readonly scopes: AnalyticsScopeResolver,
    private readonly clock: Clock,
  ) {}

  async funnel(user: Principal, query: PeriodQuery): Promise<FunnelReport> {
    const period = dayPeriod(query.from, query.to);
    const scope = await this.scopes.resolve(user, query);
    const rows = await this.reports.measures(this.dataSource.manager, period, scope);
    const labels = await this.reports.lostReasonLabels(this.dataSource.manager);
    const reached: Partial<Record<AnalyticsStage, number>> = {};
    const lost: LostCountRow[] = [];
    let won = 0;
    for (const row of rows) {
      assertAnalyticsStage(row.stage);
      if (row.measure === 'reached') reached[row.stage] = (reached[row.stage] ?? 0) + row.count;
      else if (row.measure === 'lost') lost.push({ stage: row.stage, reason: row.reason, count: row.count });
      else won += row.count;
    }
    return {
      period: { from: query.from, to: query.to },
      scope,
      stages: summarizeFunnel(reached, lost),
      conversions: stageConversions(reached),
      lostByReason: lostByReason(lost).map((r) => ({ ...r, labels: lostReasonLabels(labels.get(r.reason), r.reason) })),
      won,
    };
  }

  async cohorts(user: Principal, query: CohortQuery): Promise<CohortRow[]> {
    const months = monthKeysBetween(query.fromMonth, query.toMonth);
    if (months.length === 0 || months.length > MAX_COHORT_MONTHS) {
      throw new AnalyticsError(
        AnalyticsErrorCode.InvalidPeriod,
        `A cohort view covers 1 to ${MAX_COHORT_MONTHS} months, fromMonth first.`,
        { fromMonth: query.fromMonth, toMonth: query.toMonth },
      );
    }
    const scope = await this.scopes.resolve(user, query);
    const period = { from: monthKeyStart(query.fromMonth), to: monthKeyStart(addMonthsToKey(query.toMonth, 1)) };
    const counts = await this.reports.cohortCounts(this.dataSource.manager, period, scope);
    return cohortTableFromCounts(
      counts.map((c) => {
        assertAnalyticsStage(c.furthestStage);
        return { cohortMonth: c.cohortMonth, furthestStage: c.furthestStage, count: c.count };
      }),
      { fromMonth: query.fromMonth, toMonth: query.toMonth },
    );
  }

  async timeInStage(user: Principal, query: PeriodQuery): Promise<TimeInStageLine[]> {
    const period = dayPeriod(query.from, query.to);
    const scope = await this.scopes.resolve(user, query);
    const manager = this.dataSource.manager;
    const [rows, lines] = await Promise.all([
      this.reports.stageTimes(manager, period, scope),
      this.reports.productLines(manager),
    ]);
    const byKey = new Map(rows.map((r) => [`${r.productLineId}:${r.stage}`, r]));
    // Every product line x stage (after sampling) gets a line, an empty one with null figures.
    return lines
      .filter((line) => scope.productLineId === null || line.id === scope.productLineId)
      .flatMap((line) =>
        (['primary_contact', 'needs_identification', 'offer_formation', 'offer_defence', 'contract'] as const).map(
          (stage) => {
            const row = byKey.get(`${line.id}:${stage}`);
            return {
              productLineId: line.id,
              productLineName: line.name,
              stage,
              limitDays: line.limits[stage] ?? null,
              count: row?.count ?? 0,
              medianDays: row ? row.medianDays : null,
              p90Days: row ? row.p90Days : null,
            };
          },
        ),
      );
  }

  async stalled(user: Principal, query: ScopedPageQuery): Promise<Page<StalledProspect>> {
    const scope = await this.scopes.resolve(user, query);
    const now = this.clock.now();
    const { items, total } = await this.reports.stalled(this.dataSource.manager, now, scope, query);
    return toPage(
      items.map((row) => toStalled(row, now)),
      total,
      query,
    );
  }
}

export function toStalled(row: StalledRow, now: Date): StalledProspect {
  assertAnalyticsStage(row.stage);
  const check = checkStageStall(
    { prospectId: row.prospectId, stage: row.stage, enteredAt: row.enteredAt, limitDays: row.limitDays },
    now,
  );
  return {
    prospectId: row.prospectId,
    companyName: row.companyName,
    ownerId: row.ownerId,
    unitId: row.unitId,
    productLineId: row.productLineId,
    stage: row.stage,
    enteredAt: row.enteredAt.toISOString(),
    limitDays: row.limitDays,
    daysInStage: check.daysInStage,
    daysOver: check.daysOver,
  };
}
