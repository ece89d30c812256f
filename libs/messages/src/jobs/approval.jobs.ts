import {
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { PayloadsOf } from './payloads-of';

/**
 * Requests go to the approvals service (from prospects: target samples, offers; from contracts: terms
 * deviations); decisions and SLA events come back to the requesting service and to notifications.
 */
export const ApprovalJob = {
  ApprovalRequested: 'approval.requested',
  /** The subject was edited while its request was pending: the request is void. */
  ApprovalVoided: 'approval.voided',
  ApprovalStepOpened: 'approval.step_opened',
  ApprovalSlaBreached: 'approval.sla_breached',
  ApprovalDecided: 'approval.decided',
  /**
   * The requesting service could not apply an approval (its own rules refuse it: the prospect was lost meanwhile,
   * the approver wrote the offer): the approval becomes a rejection with the reason, so every service ends in one state.
   */
  ApprovalOverruled: 'approval.overruled',
} as const;

// Mirrors `ApprovalSubjectKind` in libs/domain/src/approvals/subject-kind.ts.
export const APPROVAL_SUBJECT_KINDS = ['target_sample', 'offer', 'contract_deviation'] as const;
export type ApprovalSubjectKindValue = (typeof APPROVAL_SUBJECT_KINDS)[number];
export const APPROVAL_OUTCOMES = ['approved', 'rejected', 'recalled', 'voided'] as const;
export type ApprovalOutcomeValue = (typeof APPROVAL_OUTCOMES)[number];

export class ApprovalRequestedPayload {
  /** Chosen by the requesting service, so a redelivered request opens one approval. */
  @IsUUID()
  requestId!: string;

  @IsIn(APPROVAL_SUBJECT_KINDS)
  subjectKind!: ApprovalSubjectKindValue;

  @IsUUID()
  subjectId!: string;

  /** The subject's version this request is about; a decision applies to that version only. */
  @IsInt()
  @Min(1)
  subjectVersion!: number;

  @IsUUID()
  requesterId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  unitId!: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  amount!: number | null;

  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  discountPercent!: number | null;

  /**
   * Exactly what the approver approves (companies and rationale, offer items and terms, terms diff). An `authorId`
   * (or `authorIds`) here names authors besides the requester: they may not approve it either.
   */
  @IsObject()
  snapshot!: Record<string, unknown>;

  @IsISO8601()
  requestedAt!: string;
}

export class ApprovalVoidedPayload {
  @IsUUID()
  requestId!: string;

  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class ApprovalStepOpenedPayload {
  @IsUUID()
  requestId!: string;

  @IsIn(APPROVAL_SUBJECT_KINDS)
  subjectKind!: ApprovalSubjectKindValue;

  @IsUUID()
  subjectId!: string;

  @IsInt()
  @Min(0)
  stepIndex!: number;

  @ValidateIf((_, v) => v !== null)
  @IsString()
  approverRole!: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  approverUnitId!: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  approverUserId!: string | null;

  @IsISO8601()
  dueAt!: string;
}

export class ApprovalSlaBreachedPayload {
  @IsUUID()
  requestId!: string;

  @IsIn(APPROVAL_SUBJECT_KINDS)
  subjectKind!: ApprovalSubjectKindValue;

  @IsUUID()
  subjectId!: string;

  @IsInt()
  @Min(0)
  stepIndex!: number;

  @IsIn(['reminder', 'escalation'])
  level!: 'reminder' | 'escalation';

  /** Who is told: the step's approver for a reminder, the escalation target for an escalation. */
  @ValidateIf((_, v) => v !== null)
  @IsString()
  recipientRole!: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  recipientUnitId!: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  recipientUserId!: string | null;
}

export class ApprovalDecidedPayload {
  @IsUUID()
  requestId!: string;

  @IsIn(APPROVAL_SUBJECT_KINDS)
  subjectKind!: ApprovalSubjectKindValue;

  @IsUUID()
  subjectId!: string;

  @IsInt()
  @Min(1)
  subjectVersion!: number;

  @IsIn(APPROVAL_OUTCOMES)
  outcome!: ApprovalOutcomeValue;

  @IsUUID()
  requesterId!: string;

  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  decidedBy!: string | null;

  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  comment!: string | null;

  @IsISO8601()
  decidedAt!: string;

  /** Set when `decidedBy` decided as a delegate of this approver. Optional: added after the first release. */
  @IsOptional()
  @IsUUID()
  onBehalfOf?: string | null;
}

export class ApprovalOverruledPayload {
  @IsUUID()
  requestId!: string;

  /** The requesting service's rule, in words (shown to the people as the rejection's comment). */
  @IsString()
  @MaxLength(500)
  reason!: string;

  @IsISO8601()
  overruledAt!: string;
}

export const APPROVAL_PAYLOAD_CLASSES = {
  [ApprovalJob.ApprovalRequested]: ApprovalRequestedPayload,
  [ApprovalJob.ApprovalVoided]: ApprovalVoidedPayload,
  [ApprovalJob.ApprovalStepOpened]: ApprovalStepOpenedPayload,
  [ApprovalJob.ApprovalSlaBreached]: ApprovalSlaBreachedPayload,
  [ApprovalJob.ApprovalDecided]: ApprovalDecidedPayload,
  [ApprovalJob.ApprovalOverruled]: ApprovalOverruledPayload,
};

export type ApprovalPayloads = PayloadsOf<typeof APPROVAL_PAYLOAD_CLASSES>;
