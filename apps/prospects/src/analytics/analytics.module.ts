import { Module } from '@nestjs/common';
import { PlanController } from '../plans/plan.controller';
import { PlanRepository } from '../plans/plan.repository';
import { PlanService } from '../plans/plan.service';
import { AnalyticsScopeResolver } from './analytics-scope';
import { AnalyticsController } from './analytics.controller';
import { ContractTasksDueHandler } from './contract-tasks-due.handler';
import { EarlyWarningSweep, NormSweep, StallSweep } from './analytics.sweeps';
import { EarlyWarningService } from './early-warning.service';
import { FactsRepository } from './facts.repository';
import { ForecastController } from './forecast.controller';
import { ForecastRepository } from './forecast.repository';
import { ForecastService } from './forecast.service';
import { NoticeRepository } from './notice.repository';
import { NormsService } from './norms.service';
import { ReportRepository } from './report.repository';
import { ReportService } from './report.service';
import { SettingsRepository } from './settings.repository';

/** The analytics sweeps, listed in `ChassisModule.forService({ sweeps })` and provided here. */
export const ANALYTICS_SWEEPS = [StallSweep, NormSweep, EarlyWarningSweep];

/** Funnel analytics (/api/analytics) and plans (/api/plans), read from aggregates of the stage-transition log. */
@Module({
  controllers: [AnalyticsController, ForecastController, PlanController],
  providers: [
    AnalyticsScopeResolver,
    ReportRepository,
    ReportService,
    SettingsRepository,
    FactsRepository,
    NoticeRepository,
    ForecastRepository,
    ForecastService,
    NormsService,
    EarlyWarningService,
    PlanRepository,
    PlanService,
    ContractTasksDueHandler,
    ...ANALYTICS_SWEEPS,
  ],
})
export class AnalyticsModule {}
