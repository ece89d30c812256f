import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, In, Not } from 'typeorm';
import { AnalyticsPeriod, PlanFactCount, STAGE_ORDER, assertAnalyticsStage } from '@dealgate/domain';
import { NO_PRODUCT_LINE_KEY } from '../analytics/aggregate-keys';
import { AnalyticsScope } from '../analytics/analytics-scope';
import { funnelCounts } from '../analytics/funnel-counts';
import { scopeWhere } from '../analytics/report.repository';
import { PlanGroup } from './plan.dto';
import { SalesPlanEntity } from './sales-plan.entity';

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

const toLine = (e: SalesPlanEntity): PlanLine => ({
  id: e.id,
  period: e.period,
  salespersonId: e.salespersonId,
  unitId: e.unitId,
  productLineId: e.productLineKey === NO_PRODUCT_LINE_KEY ? null : e.productLineKey,
  stage: e.stage,
  count: e.count,
  authorId: e.authorId,
  updatedAt: e.updatedAt.toISOString(),
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

/**
 * Plans per salesperson, month, product line (or all lines) and stage; facts from the daily funnel aggregate. The plan
 * lines go through the entity and query builder; the sums over plans and facts are set-based SQL with typed results.
 */
@Injectable()
export class PlanRepository {
  /** Replaces the planned counts of one plan key (stages left out are removed). */
  async replace(
    manager: EntityManager,
    key: PlanKey,
    counts: [string, number][],
    authorId: string,
  ): Promise<PlanLine[]> {
    const of = {
      period: key.period,
      salespersonId: key.salespersonId,
      productLineKey: key.productLineId ?? NO_PRODUCT_LINE_KEY,
    };
    const stages = counts.map(([stage]) => stage);
    await manager.delete(SalesPlanEntity, { ...of, stage: Not(In(stages)) });
    if (counts.length > 0) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(SalesPlanEntity)
        .values(
          counts.map(([stage, count]) => ({
            ...of,
            unitId: key.unitId,
            stage,
            count,
            authorId,
            updatedAt: () => 'now()',
          })),
        )
        // A stage already planned takes the new count, unit and author (the plan key's unique constraint).
        .orUpdate(
          ['count', 'unit_id', 'author_id', 'updated_at'],
          ['period', 'salesperson_id', 'product_line_key', 'stage'],
        )
        .updateEntity(false)
        .execute();
    }
    const entities = await manager.findBy(SalesPlanEntity, of);
    return entities.map(toLine);
  }

  async list(
    manager: EntityManager,
    period: string | null,
    scope: AnalyticsScope,
    page: { limit: number; offset: number },
  ): Promise<{ items: PlanLine[]; total: number }> {
    const where: FindOptionsWhere<SalesPlanEntity> = {
      ...(period === null ? {} : { period }),
      ...(scope.unitId === null ? {} : { unitId: scope.unitId }),
      ...(scope.salespersonId === null ? {} : { salespersonId: scope.salespersonId }),
      ...(scope.productLineId === null ? {} : { productLineKey: scope.productLineId }),
    };
    const [total, entities] = await Promise.all([
      manager.countBy(SalesPlanEntity, where),
      manager
        .createQueryBuilder(SalesPlanEntity, 'sp')
        .where(where)
        .orderBy('sp.period')
        .addOrderBy('sp.salesperson_id')
        .addOrderBy('sp.product_line_key')
        // The stages in the funnel's order.
        .addOrderBy('array_position(CAST(:stages AS text[]), sp.stage)')
        .setParameter('stages', STAGE_ORDER)
        .limit(page.limit)
        .offset(page.offset)
        .getMany(),
    ]);
    return { items: entities.map(toLine), total };
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
