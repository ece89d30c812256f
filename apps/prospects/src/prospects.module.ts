import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { ANALYTICS_SWEEPS, AnalyticsModule } from './analytics/analytics.module';
import { ActivityController } from './activity/activity.controller';
import { ActivityRepository } from './activity/activity.repository';
import { ActivityService } from './activity/activity.service';
import { ActorNames } from './shared/actor-names';
import { BriefController } from './briefs/brief.controller';
import { BriefRepository } from './briefs/brief.repository';
import { BriefService } from './briefs/brief.service';
import { ApprovalDecidedHandler } from './handlers/approval-decided.handler';
import { ContractSignedHandler } from './handlers/contract-signed.handler';
import { LostReasonController } from './lost-reasons/lost-reason.controller';
import { LostReasonRepository } from './lost-reasons/lost-reason.repository';
import { PROSPECTS_ENTITIES } from './prospects.entities';
import { PROSPECTS_MIGRATIONS } from './migrations';
import { DefenceRepository } from './offers/defence.repository';
import { DefenceService } from './offers/defence.service';
import { OfferController } from './offers/offer.controller';
import { OfferDecision } from './offers/offer-decision';
import { OfferRepository } from './offers/offer.repository';
import { OfferService } from './offers/offer.service';
import { ProductLineController } from './product-lines/product-line.controller';
import { ProductLineRepository } from './product-lines/product-line.repository';
import { ProductLineService } from './product-lines/product-line.service';
import { ProspectsEnv } from './prospects.env';
import { AgendaRepository } from './prospects/agenda.repository';
import { AgendaService } from './prospects/agenda.service';
import { BoardRepository } from './prospects/board.repository';
import { FunnelTransitions } from './prospects/funnel-transitions';
import { GateEvidenceRepository } from './prospects/gate-evidence.repository';
import { ProspectViewService } from './prospects/prospect-view.service';
import { ProspectController } from './prospects/prospect.controller';
import { ProspectRepository } from './prospects/prospect.repository';
import { ProspectService } from './prospects/prospect.service';
import { TransitionLogRepository } from './prospects/transition-log.repository';
import { SampleController } from './samples/sample.controller';
import { SampleDecision } from './samples/sample-decision';
import { SampleRepository } from './samples/sample.repository';
import { SampleService } from './samples/sample.service';

const FUNNEL_PROVIDERS = [
  ActorNames,
  ProductLineRepository,
  ProductLineService,
  LostReasonRepository,
  ProspectRepository,
  TransitionLogRepository,
  FunnelTransitions,
  ProspectService,
  GateEvidenceRepository,
  BoardRepository,
  ProspectViewService,
  AgendaRepository,
  AgendaService,
  SampleRepository,
  SampleService,
  SampleDecision,
  ActivityRepository,
  ActivityService,
  BriefRepository,
  BriefService,
  OfferRepository,
  OfferService,
  OfferDecision,
  DefenceRepository,
  DefenceService,
];

@Module({})
export class ProspectsModule {
  static forRoot(config: ProspectsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: ProspectsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Prospects,
          config,
          queue,
          entities: PROSPECTS_ENTITIES,
          migrations: PROSPECTS_MIGRATIONS,
          directory: true,
          sweeps: ANALYTICS_SWEEPS,
        }),
        AnalyticsModule,
      ],
      // Static paths before parameterised ones: /prospects/lost-reasons must not be read as /prospects/:id.
      controllers: [
        ProductLineController,
        SampleController,
        LostReasonController,
        ProspectController,
        ActivityController,
        BriefController,
        OfferController,
      ],
      // Handlers are providers here so they can inject the funnel's services (the messaging runtime finds them).
      providers: [
        { provide: ProspectsEnv, useValue: config },
        ...FUNNEL_PROVIDERS,
        ApprovalDecidedHandler,
        ContractSignedHandler,
      ],
    };
  }
}
