import { DynamicModule, Module } from '@nestjs/common';
import { ChassisModule } from '@dealgate/chassis';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings } from '@dealgate/messaging';
import { ApprovalsEnv } from './approvals.env';
import { AuditRepository } from './audit/audit.repository';
import { DelegationController } from './delegations/delegation.controller';
import { DelegationRepository } from './delegations/delegation.repository';
import { DelegationService } from './delegations/delegation.service';
import { APPROVALS_ENTITIES } from './approvals.entities';
import { APPROVALS_MIGRATIONS } from './migrations';
import { PolicyController } from './policies/policy.controller';
import { PolicyRepository } from './policies/policy.repository';
import { PolicyService } from './policies/policy.service';
import { AccessScopeService } from './requests/access-scope.service';
import { RequestController } from './requests/request.controller';
import { RequestDecisionService } from './requests/request-decision.service';
import { ApprovalRequestedHandler } from './requests/approval-requested.handler';
import { ApprovalVoidedHandler } from './requests/approval-voided.handler';
import { ApprovalOverruledHandler } from './requests/approval-overruled.handler';
import { RequestEvents } from './requests/request.events';
import { RequestQueryService } from './requests/request-query.service';
import { RequestListRepository } from './requests/request-lists.repository';
import { RequestRepository } from './requests/request.repository';
import { VoidNoticeRepository } from './requests/void-notice.repository';
import { ApprovalSlaSweep } from './sla/approval-sla.sweep';
import { SlaRepository } from './sla/sla.repository';

const HANDLERS = [ApprovalRequestedHandler, ApprovalVoidedHandler, ApprovalOverruledHandler];
const SWEEPS = [ApprovalSlaSweep];

@Module({})
export class ApprovalsModule {
  static forRoot(config: ApprovalsEnv, queue: QueueSettings): DynamicModule {
    return {
      module: ApprovalsModule,
      imports: [
        ChassisModule.forService({
          service: ServiceName.Approvals,
          config,
          queue,
          entities: APPROVALS_ENTITIES,
          migrations: APPROVALS_MIGRATIONS,
          sweeps: SWEEPS,
          directory: true,
        }),
      ],
      // Static paths (policies, delegations) before the request controller's `:id`.
      controllers: [PolicyController, DelegationController, RequestController],
      providers: [
        // Job handlers (marked @HandlesJob) and sweeps are providers of this module; the messaging runtime finds
        // them here.
        AuditRepository,
        PolicyRepository,
        PolicyService,
        DelegationRepository,
        DelegationService,
        RequestRepository,
        RequestListRepository,
        VoidNoticeRepository,
        RequestEvents,
        AccessScopeService,
        RequestQueryService,
        RequestDecisionService,
        SlaRepository,
        ...HANDLERS,
        ...SWEEPS,
      ],
    };
  }
}
