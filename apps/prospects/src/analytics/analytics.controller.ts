import { Body, Controller, Get, Param, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags, ApiOkResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Principal, Roles } from '@dealgate/auth';
import { PageOf, PageQuery, CommonErrorCode, Refuses } from '@dealgate/common';
import { Role, AnalyticsErrorCode } from '@dealgate/domain';
import {
  COHORT_CSV,
  FUNNEL_CSV,
  NORM_CSV,
  STALLED_CSV,
  TIME_IN_STAGE_CSV,
  WARNING_CSV,
  funnelCsvRows,
  reply,
} from './analytics-csv';
import {
  CohortQuery,
  MonthQuery,
  NormParam,
  FunnelQuery,
  PeriodQuery,
  RuleParam,
  ScopedPageQuery,
  UpdateNormDto,
  UpsertWarningRuleDto,
} from './analytics.dto';
import { EarlyWarningService } from './early-warning.service';
import { NormsService } from './norms.service';
import { ReportService } from './report.service';
import {
  CohortRowView,
  FlaggedSalespersonView,
  FunnelReportView,
  NormReportLineView,
  NormSettingView,
  StalledProspectView,
  TimeInStageLineView,
  WarningRuleSettingView,
} from './analytics.view';

// Figures are for the people who sell and manage selling; the admin configures norms and rules but sees no figures.
const VIEWERS = [Role.Owner, Role.SalesHead, Role.Salesperson];
const SETTINGS_READERS = [Role.Owner, Role.SalesHead, Role.Salesperson, Role.Admin];
const SETTINGS_EDITORS = [Role.Admin, Role.Owner];

@ApiTags('analytics')
@ApiBearerAuth()
@ApiProduces('application/json', 'text/csv')
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly reports: ReportService,
    private readonly norms: NormsService,
    private readonly warnings: EarlyWarningService,
  ) {}

  @Get('funnel')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Reached per stage, conversion stage to stage, lost by reason and stage, won (period)' })
  @ApiOkResponse({ type: FunnelReportView })
  @Refuses(CommonErrorCode.NotFound, AnalyticsErrorCode.InvalidPeriod)
  async funnel(@CurrentUser() user: Principal, @Query() q: FunnelQuery, @Res({ passthrough: true }) res: Response) {
    const report = await this.reports.funnel(user, q);
    return reply(res, q.format, 'funnel', report, FUNNEL_CSV, (r) => funnelCsvRows(r, q.lang ?? 'en'));
  }

  @Get('cohorts')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Prospects that entered primary contact per month and how many reached each later stage' })
  @ApiOkResponse({ type: [CohortRowView] })
  @Refuses(CommonErrorCode.NotFound, AnalyticsErrorCode.InvalidPeriod)
  async cohorts(@CurrentUser() user: Principal, @Query() q: CohortQuery, @Res({ passthrough: true }) res: Response) {
    return reply(res, q.format, 'cohorts', await this.reports.cohorts(user, q), COHORT_CSV, (rows) => rows);
  }

  @Get('time-in-stage')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Median and p90 days per stage per product line, over stays that ended in the period' })
  @ApiOkResponse({ type: [TimeInStageLineView] })
  @Refuses(CommonErrorCode.NotFound, AnalyticsErrorCode.InvalidPeriod)
  async timeInStage(
    @CurrentUser() user: Principal,
    @Query() q: PeriodQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const report = await this.reports.timeInStage(user, q);
    return reply(res, q.format, 'time-in-stage', report, TIME_IN_STAGE_CSV, (rows) => rows);
  }

  @Get('stalled')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: "Active prospects over their product line's limit for their stage, most overdue first" })
  @ApiOkResponse({ type: PageOf(StalledProspectView) })
  @Refuses(CommonErrorCode.NotFound)
  async stalled(
    @CurrentUser() user: Principal,
    @Query() q: ScopedPageQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return reply(res, q.format, 'stalled', await this.reports.stalled(user, q), STALLED_CSV, (page) => page.items);
  }

  @Get('norms')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Each salesperson against each norm for a month (page of salespeople)' })
  @ApiOkResponse({ type: PageOf(NormReportLineView) })
  @Refuses(CommonErrorCode.NotFound)
  async normReport(@CurrentUser() user: Principal, @Query() q: MonthQuery, @Res({ passthrough: true }) res: Response) {
    return reply(res, q.format, 'norms', await this.norms.report(user, q), NORM_CSV, (page) => page.items);
  }

  @Get('early-warnings')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: 'Salespeople flagged now by the early-warning rules, with the evidence' })
  @ApiOkResponse({ type: PageOf(FlaggedSalespersonView) })
  @Refuses(CommonErrorCode.NotFound)
  async earlyWarnings(
    @CurrentUser() user: Principal,
    @Query() q: ScopedPageQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    return reply(res, q.format, 'early-warnings', await this.warnings.flagged(user, q), WARNING_CSV, (p) => p.items);
  }

  @Get('settings/norms')
  @Roles(...SETTINGS_READERS)
  @ApiOperation({ summary: "The organisation's norms (meetings per month, briefs and contracts per meeting held)" })
  @ApiOkResponse({ type: [NormSettingView] })
  normSettings() {
    return this.norms.listSettings();
  }

  @Put('settings/norms/:norm')
  @Roles(...SETTINGS_EDITORS)
  @ApiOperation({ summary: 'Change a norm (optimistic version)' })
  @ApiOkResponse({ type: NormSettingView })
  @Refuses(CommonErrorCode.NotFound, AnalyticsErrorCode.InvalidInput, CommonErrorCode.VersionConflict)
  updateNorm(@Param() p: NormParam, @Body() dto: UpdateNormDto) {
    return this.norms.updateSetting(p.norm, dto);
  }

  @Get('settings/early-warning-rules')
  @Roles(...SETTINGS_READERS)
  @ApiOperation({ summary: 'Early-warning rules, e.g. "20 prospects worked and no brief in 60 days"' })
  @ApiOkResponse({ type: PageOf(WarningRuleSettingView) })
  rules(@Query() q: PageQuery) {
    return this.warnings.listRules(q);
  }

  @Put('settings/early-warning-rules/:id')
  @Roles(...SETTINGS_EDITORS)
  @ApiOperation({
    summary: 'Create (no version) or change (its version) an early-warning rule; active=false retires it',
  })
  @ApiOkResponse({ type: WarningRuleSettingView })
  @Refuses(CommonErrorCode.VersionConflict)
  upsertRule(@Param() p: RuleParam, @Body() dto: UpsertWarningRuleDto) {
    return this.warnings.upsertRule(p.id, dto);
  }
}
