import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnalyticsPeriod, ProspectStatus, STAGE_ORDER, StoredLostReasonLabels } from '@dealgate/domain';
import { overStageLimitSql, stageDeadlineSql } from '../shared/stage-limit.sql';
import { AnalyticsScope } from './analytics-scope';
import { funnelCounts } from './funnel-counts';

export interface MeasureRow {
  measure: 'reached' | 'lost' | 'won';
  stage: string;
  reason: string;
  count: number;
}

export interface CohortCountRow {
  cohortMonth: string;
  furthestStage: string;
  count: number;
}

export interface StageTimeRow {
  productLineId: string;
  stage: string;
  count: number;
  medianDays: number;
  p90Days: number;
}

export interface StalledRow {
  prospectId: string;
  companyName: string;
  ownerId: string | null;
  unitId: string;
  productLineId: string;
  stage: string;
  enteredAt: Date;
  limitDays: number;
}

/** `AND` conditions for the scope on the given columns, appending their values to `params`. */
export function scopeWhere(
  scope: AnalyticsScope,
  columns: { unit: string; owner: string; productLine: string },
  params: unknown[],
): string {
  const parts: string[] = [];
  const add = (column: string, value: string | null) => {
    if (value === null) return;
    params.push(value);
    parts.push(`${column} = $${params.length}`);
  };
  add(columns.unit, scope.unitId);
  add(columns.owner, scope.salespersonId);
  add(columns.productLine, scope.productLineId);
  return parts.map((p) => ` AND ${p}`).join('');
}

const AGG = { unit: 'unit_id', owner: 'owner_key', productLine: 'product_line_id' };
const ISO_MS = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** Reads of the analytics aggregates the stage-transition trigger keeps (see the analytics migration). */
@Injectable()
export class ReportRepository {
  /** The configured lost reasons' labels by code (retired ones too: old losses still name them). */
  async lostReasonLabels(manager: EntityManager): Promise<Map<string, StoredLostReasonLabels>> {
    const rows = await manager.query<{ code: string; label: string; label_hu: string | null }[]>(
      'SELECT code, label, label_hu FROM lost_reason',
    );
    return new Map(rows.map((r) => [r.code, { label: r.label, labelHu: r.label_hu }]));
  }

  /** Reached (first entries), lost by reason and won per stage over whole UTC days. */
  async measures(manager: EntityManager, period: AnalyticsPeriod, scope: AnalyticsScope): Promise<MeasureRow[]> {
    const params: unknown[] = [];
    const counts = funnelCounts(period, params);
    const rows = await manager.query<
      { measure: MeasureRow['measure']; stage: string; reason: string; count: string }[]
    >(
      `SELECT measure, stage, reason, sum(count)::bigint AS count FROM ${counts}
       WHERE TRUE ${scopeWhere(scope, AGG, params)}
       GROUP BY measure, stage, reason`,
      params,
    );
    return rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Prospects per cohort month (first entry into primary contact) and furthest stage reached by now. */
  async cohortCounts(
    manager: EntityManager,
    period: AnalyticsPeriod,
    scope: AnalyticsScope,
  ): Promise<CohortCountRow[]> {
    const params: unknown[] = [period.from, period.to];
    const rows = await manager.query<{ month: string; furthest: number; count: string }[]>(
      `SELECT to_char(cohort_month, 'YYYY-MM') AS month, furthest, sum(count)::bigint AS count FROM analytics_cohort
       WHERE cohort_month >= ($1::timestamptz AT TIME ZONE 'UTC')::date AND cohort_month < ($2::timestamptz AT TIME ZONE 'UTC')::date
       ${scopeWhere(scope, AGG, params)}
       GROUP BY 1, 2 HAVING sum(count) > 0`,
      params,
    );
    // `furthest` is the stage's index in the funnel order (the cohort trigger stores it so).
    return rows.map((r) => ({ cohortMonth: r.month, furthestStage: STAGE_ORDER[r.furthest], count: Number(r.count) }));
  }

  /**
   * Median and p90 days per product line and stage of the stays that ended in the period. percentile_cont is
   * the domain `percentile` (linear between closest ranks), computed where the rows are.
   */
  async stageTimes(manager: EntityManager, period: AnalyticsPeriod, scope: AnalyticsScope): Promise<StageTimeRow[]> {
    const params: unknown[] = [period.from, period.to];
    const rows = await manager.query<{ pl: string; stage: string; count: string; median: number; p90: number }[]>(
      `SELECT product_line_id AS pl, stage, count(*)::bigint AS count,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at) / 86400) AS median,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered_at) / 86400) AS p90
       FROM analytics_stage_stay
       WHERE left_at IS NOT NULL AND left_at >= $1 AND left_at < $2 ${scopeWhere(scope, AGG, params)}
       GROUP BY 1, 2`,
      params,
    );
    return rows.map((r) => ({
      productLineId: r.pl,
      stage: r.stage,
      count: Number(r.count),
      medianDays: Number(r.median),
      p90Days: Number(r.p90),
    }));
  }

  /**
   * Active prospects past their product line's limit for their stage at `now`, most overdue first. With
   * `unnotifiedOnly`, those whose stall (prospect + stage + entry time) has no notice yet: the sweep's work list.
   */
  async stalled(
    manager: EntityManager,
    now: Date,
    scope: AnalyticsScope,
    page: { limit: number; offset: number },
    unnotifiedOnly = false,
  ): Promise<{ items: StalledRow[]; total: number }> {
    const params: unknown[] = [now];
    const scoped = scopeWhere(
      scope,
      { unit: 'p.unit_id', owner: 'p.owner_id', productLine: 'p.product_line_id' },
      params,
    );
    const unnotified = unnotifiedOnly
      ? `AND NOT EXISTS (SELECT 1 FROM analytics_notice n WHERE n.key =
           'stall:' || p.id || ':' || p.stage || ':' || to_char(p.stage_entered_at AT TIME ZONE 'UTC', ${ISO_MS}))`
      : '';
    // One index range (stage, stage_entered_at) per product line and stage: each has its own limit.
    const from = `FROM product_line pl
       CROSS JOIN LATERAL jsonb_each_text(pl.stage_limit_days) AS lim(stage, days)
       JOIN prospect p ON p.status = '${ProspectStatus.Active}' AND p.stage = lim.stage AND p.product_line_id = pl.id
         AND ${overStageLimitSql('p.stage_entered_at', 'lim.days::int', '$1::timestamptz')}
       WHERE TRUE ${scoped} ${unnotified}`;
    const [{ total }] = await manager.query<{ total: number }[]>(`SELECT count(*)::int AS total ${from}`, params);
    const rows = await manager.query<
      {
        id: string;
        company_name: string;
        owner_id: string | null;
        unit_id: string;
        product_line_id: string;
        stage: string;
        stage_entered_at: Date;
        days: string;
      }[]
    >(
      `SELECT p.id, p.company_name, p.owner_id, p.unit_id, p.product_line_id, p.stage, p.stage_entered_at, lim.days ${from}
       ORDER BY ${stageDeadlineSql('p.stage_entered_at', 'lim.days::int')}, p.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    return {
      total,
      items: rows.map((r) => ({
        prospectId: r.id,
        companyName: r.company_name,
        ownerId: r.owner_id,
        unitId: r.unit_id,
        productLineId: r.product_line_id,
        stage: r.stage,
        enteredAt: new Date(r.stage_entered_at),
        limitDays: Number(r.days),
      })),
    };
  }

  async productLines(manager: EntityManager): Promise<{ id: string; name: string; limits: Record<string, number> }[]> {
    const rows = await manager.query<{ id: string; name: string; stage_limit_days: Record<string, number> }[]>(
      'SELECT id, name, stage_limit_days FROM product_line ORDER BY name',
    );
    return rows.map((r) => ({ id: r.id, name: r.name, limits: r.stage_limit_days }));
  }
}
