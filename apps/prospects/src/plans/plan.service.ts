import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { Page, toPage } from '@dealgate/common';
import {
  ANALYTICS_STAGES,
  AnalyticsError,
  AnalyticsErrorCode,
  PlanFactRow,
  Role,
  comparePlanFact,
  monthsPeriod,
  totalPlanFact,
} from '@dealgate/domain';
import { AnalyticsScopeResolver } from '../analytics/analytics-scope';
import { PlanListQuery, PlanReportQuery, UpsertPlanDto } from './plan.dto';
import { PlanLine, PlanRepository } from './plan.repository';

export interface PlanFactReport extends Page<PlanFactRow> {
  groupBy: PlanReportQuery['groupBy'];
  fromMonth: string;
  toMonth: string;
  /** Plan, fact and variance per stage over every key of the report (all pages). */
  totals: PlanFactRow[];
}

/** Plans per period and the plan-vs-fact report; who may plan for whom follows the analytics scope. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: PlanRepository,
    private readonly scopes: AnalyticsScopeResolver,
    private readonly directory: DirectoryService,
  ) {}

  async upsert(user: Principal, dto: UpsertPlanDto): Promise<PlanLine[]> {
    await this.scopes.assertCanActFor(user, dto.salespersonId);
    const person = await this.directory.user(dto.salespersonId);
    if (!person || !person.active || !person.roles.includes(Role.Salesperson) || !person.unitId) {
      throw new AnalyticsError(
        AnalyticsErrorCode.PlanAssigneeInvalid,
        'A plan is for an active salesperson who belongs to a unit.',
        { fields: [{ field: 'salespersonId', problems: ['must be an active salesperson with a unit'] }] },
      );
    }
    const unitId = person.unitId;
    const counts = ANALYTICS_STAGES.flatMap((stage): [string, number][] => {
      const count = dto.stages[stage];
      return count === undefined ? [] : [[stage, count]];
    });
    return this.dataSource.transaction((manager) =>
      this.plans.replace(
        manager,
        { period: dto.period, salespersonId: dto.salespersonId, unitId, productLineId: dto.productLineId ?? null },
        counts,
        user.userId,
      ),
    );
  }

  async list(user: Principal, query: PlanListQuery): Promise<Page<PlanLine>> {
    const scope = await this.scopes.resolve(user, query);
    const { items, total } = await this.plans.list(this.dataSource.manager, query.period ?? null, scope, query);
    return toPage(items, total, query);
  }

  async report(user: Principal, query: PlanReportQuery): Promise<PlanFactReport> {
    const period = monthsPeriod(query.fromMonth, query.toMonth);
    const scope = await this.scopes.resolve(user, query);
    const manager = this.dataSource.manager;
    const [plan, fact] = await Promise.all([
      this.plans.planCounts(manager, { from: query.fromMonth, to: query.toMonth }, scope, query.groupBy),
      this.plans.factCounts(manager, period, scope, query.groupBy),
    ]);
    const rows = comparePlanFact(plan, fact);
    return {
      ...toPage(rows.slice(query.offset, query.offset + query.limit), rows.length, query),
      groupBy: query.groupBy,
      fromMonth: query.fromMonth,
      toMonth: query.toMonth,
      totals: totalPlanFact(rows),
    };
  }
}
