import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AnalyticsPeriod, PlanFactCount, STAGE_ORDER, assertAnalyticsStage } from '@dealgate/domain';
import { NO_PRODUCT_LINE_KEY } from '../analytics/aggregate-keys';
import { AnalyticsScope } from '../analytics/analytics-scope';
import { funnelCounts } from '../analytics/funnel-counts';
import { scopeWhere } from '../analytics/report.repository';
import { PlanGroup } from './plan.dto';

export interface PlanLine {
  id: string;
  period: string;
  salespersonId: string;
  unitId: string;
  productLineId: string | null;
  stage: string;
  count: number;
  authorId: string;
  updatedAt: string;
}

interface Row {
  id: string;
  period: string;
  salesperson_id: string;
  unit_id: string;
  product_line_key: string;
  stage: string;
  count: number;
  author_id: string;
  updated_at: Date;
}

const toLine = (r: Row): PlanLine => ({
  id: r.id,
  period: r.period,
  salespersonId: r.salesperson_id,
  unitId: r.unit_id,
  productLineId: r.product_line_key === NO_PRODUCT_LINE_KEY ? null : r.product_line_key,
  stage: r.stage,
  count: r.count,
  authorId: r.author_id,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const PLAN_COLS = { unit: 'unit_id', owner: 'salesperson_id', productLine: 'product_line_key' };
const PLAN_KEY: Record<PlanGroup, string> = {
  salesperson: 'salesperson_id',
  unit: 'unit_id',
  product_line: 'product_line_key',
};
const FACT_KEY: Record<PlanGroup, string> = {
  salesperson: 'owner_key',
  unit: 'unit_id',
  product_line: 'product_line_id',
};

export interface PlanKey {
  period: string;
  salespersonId: string;
  unitId: string;
  productLineId: string | null;
}

/** Plans per salesperson, month, product line (or all lines) and stage; facts from the daily funnel aggregate. */
@Injectable()
export class PlanRepository {
  /** Replaces the planned counts of one plan key (stages left out are removed). */
  async replace(
    manager: EntityManager,
    key: PlanKey,
    counts: [string, number][],
    authorId: string,
  ): Promise<PlanLine[]> {
    const pl = key.productLineId ?? NO_PRODUCT_LINE_KEY;
    await manager.query(
      'DELETE FROM sales_plan WHERE period = $1 AND salesperson_id = $2 AND product_line_key = $3 AND NOT (stage = ANY($4))',
      [key.period, key.salespersonId, pl, counts.map(([stage]) => stage)],
    );
    for (const [stage, count] of counts) {
      await manager.query(
        `INSERT INTO sales_plan (period, salesperson_id, unit_id, product_line_key, stage, count, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (period, salesperson_id, product_line_key, stage)
         DO UPDATE SET count = EXCLUDED.count, unit_id = EXCLUDED.unit_id, author_id = EXCLUDED.author_id, updated_at = now()`,
        [key.period, key.salespersonId, key.unitId, pl, stage, count, authorId],
      );
    }
    const rows = await manager.query<Row[]>(
      'SELECT * FROM sales_plan WHERE period = $1 AND salesperson_id = $2 AND product_line_key = $3',
      [key.period, key.salespersonId, pl],
    );
    return rows.map(toLine);
  }

  async list(
    manager: EntityManager,
    period: string | null,
    scope: AnalyticsScope,
    page: { limit: number; offset: number },
  ): Promise<{ items: PlanLine[]; total: number }> {
    const params: unknown[] = [period];
    const where = `($1::text IS NULL OR period = $1) ${scopeWhere(scope, PLAN_COLS, params)}`;
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM sales_plan WHERE ${where}`,
      params,
    );
    const rows = await manager.query<Row[]>(
      `SELECT * FROM sales_plan WHERE ${where} ORDER BY period, salesperson_id, product_line_key,
         array_position($${params.length + 3}::text[], stage)
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset, STAGE_ORDER],
    );
    return { items: rows.map(toLine), total };
  }

  async planCounts(
    manager: EntityManager,
    months: { from: string; to: string },
    scope: AnalyticsScope,
    group: PlanGroup,
  ): Promise<PlanFactCount[]> {
    const params: unknown[] = [months.from, months.to];
    const rows = await manager.query<{ key: string; stage: string; count: string }[]>(
      `SELECT ${PLAN_KEY[group]} AS key, stage, sum(count)::bigint AS count FROM sales_plan
       WHERE period >= $1 AND period <= $2 ${scopeWhere(scope, PLAN_COLS, params)} GROUP BY 1, 2`,
      params,
    );
    return rows.map(toCount);
  }

  /** First entries into each stage over whole UTC days, keyed like the plan. */
  async factCounts(
    manager: EntityManager,
    period: AnalyticsPeriod,
    scope: AnalyticsScope,
    group: PlanGroup,
  ): Promise<PlanFactCount[]> {
    const params: unknown[] = [];
    const counts = funnelCounts(period, params);
    const rows = await manager.query<{ key: string; stage: string; count: string }[]>(
      `SELECT ${FACT_KEY[group]} AS key, stage, sum(count)::bigint AS count FROM ${counts}
       WHERE measure = 'reached'
         ${scopeWhere(scope, { unit: 'unit_id', owner: 'owner_key', productLine: 'product_line_id' }, params)}
       GROUP BY 1, 2`,
      params,
    );
    return rows.map(toCount);
  }
}

function toCount(r: { key: string; stage: string; count: string }): PlanFactCount {
  assertAnalyticsStage(r.stage);
  return { key: r.key, stage: r.stage, count: Number(r.count) };
}
