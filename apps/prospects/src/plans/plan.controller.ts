import { Body, Controller, Get, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { AnalyticsCsvColumn, PlanFactRow, Role, AnalyticsErrorCode } from '@dealgate/domain';
import { reply } from '../analytics/analytics-csv';
import { PlanListQuery, PlanReportQuery, UpsertPlanDto } from './plan.dto';
import { PlanService } from './plan.service';
import { PageOf, CommonErrorCode, Refuses } from '@dealgate/common';
import { PlanFactReportView, PlanLineView } from './plan.view';

const PLANNERS = [Role.Owner, Role.SalesHead, Role.Salesperson];

const PLAN_FACT_CSV: AnalyticsCsvColumn<PlanFactRow>[] = [
  { header: 'key', value: (r) => r.key },
  { header: 'stage', value: (r) => r.stage },
  { header: 'plan', value: (r) => r.plan },
  { header: 'fact', value: (r) => r.fact },
  { header: 'variance', value: (r) => r.variance },
  { header: 'percent_of_plan', value: (r) => r.percentOfPlan },
];

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlanController {
  constructor(private readonly service: PlanService) {}

  @Put()
  @Roles(...PLANNERS)
  @ApiOperation({ summary: 'Set the plan of a salesperson for a month: how many prospects will reach each stage' })
  @ApiOkResponse({ type: [PlanLineView] })
  @Refuses(CommonErrorCode.NotFound, AnalyticsErrorCode.PlanAssigneeInvalid)
  upsert(@CurrentUser() user: Principal, @Body() dto: UpsertPlanDto) {
    return this.service.upsert(user, dto);
  }

  @Get()
  @Roles(...PLANNERS)
  @ApiOperation({ summary: 'Plan lines (per month, salesperson, product line and stage) within your scope' })
  @ApiOkResponse({ type: PageOf(PlanLineView) })
  @Refuses(CommonErrorCode.NotFound)
  list(@CurrentUser() user: Principal, @Query() q: PlanListQuery) {
    return this.service.list(user, q);
  }

  @Get('report')
  @Roles(...PLANNERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Plan, fact and variance per stage, per salesperson, unit or product line' })
  @ApiOkResponse({ type: PlanFactReportView })
  @Refuses(CommonErrorCode.NotFound, AnalyticsErrorCode.InvalidPeriod)
  async report(@CurrentUser() user: Principal, @Query() q: PlanReportQuery, @Res({ passthrough: true }) res: Response) {
    return reply(res, q.format, 'plan-vs-fact', await this.service.report(user, q), PLAN_FACT_CSV, (r) => r.items);
  }
}
