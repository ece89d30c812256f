import { ApprovalAuditEntity } from './audit/audit.entity';
import { ApprovalDelegationEntity } from './delegations/delegation.entity';
import { ApprovalPolicyEntity } from './policies/policy.entity';
import { ApprovalRequestEntity } from './requests/request.entity';
import { ApprovalStepEntity } from './requests/request-step.entity';
import { ApprovalVoidNoticeEntity } from './requests/void-notice.entity';
import { ApprovalSlaEventEntity } from './sla/sla-event.entity';

/**
 * The entities registered with the service's data source (approvals.module.ts). Mappings only: the migrations build
 * the tables, and tools/migrations/entities-match-schema.int-spec.ts checks this list against what they build.
 */
export const APPROVALS_ENTITIES = [
  ApprovalRequestEntity,
  ApprovalStepEntity,
  ApprovalPolicyEntity,
  ApprovalDelegationEntity,
  ApprovalAuditEntity,
  ApprovalVoidNoticeEntity,
  ApprovalSlaEventEntity,
];
