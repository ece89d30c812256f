import { ApiProperty } from '@nestjs/swagger';
import { ApprovalRequestStatus, ApprovalSubjectKind, Role } from '@dealgate/domain';
import { AuditEntry } from '../audit/audit.view';
import { ApprovalRequestRecord, ApprovalStepRecord, StepStatus } from './request.records';
import { approverColumns } from './step-approver';

export class ApproverView {
  @ApiProperty({ type: String, format: 'uuid' })
  userId!: string | null;
  role!: Role | null;
  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string | null;
}

export class StepView {
  index!: number;
  status!: StepStatus;
  approver!: ApproverView;
  escalateTo!: ApproverView | null;
  dueAfterMinutes!: number;
  escalationGraceMinutes!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  activatedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  escalationAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  onBehalfOf!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt!: string | null;
  comment!: string | null;
}

export class RequestSummaryView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  subjectKind!: ApprovalSubjectKind;
  @ApiProperty({ type: String, format: 'uuid' })
  subjectId!: string;
  subjectVersion!: number;
  @ApiProperty({ type: String, format: 'uuid' })
  requesterId!: string;
  /** The subject's authors besides the requester (they may not decide it either). */
  @ApiProperty({ type: [String], format: 'uuid' })
  authorIds!: string[];
  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string | null;
  amount!: number | null;
  discountPercent!: number | null;
  status!: ApprovalRequestStatus;
  stepCount!: number;
  currentStepIndex!: number;
  /** The step awaiting a decision; null once the request is closed. */
  currentStep!: StepView | null;
  @ApiProperty({ type: String, format: 'date-time' })
  requestedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  closedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  closedBy!: string | null;
  closeComment!: string | null;
  /** Bumped on every change of the request. */
  version!: number;
}

export class RequestDetailView extends RequestSummaryView {
  /** Exactly what was submitted for approval, frozen when the request arrived. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  snapshot!: Record<string, unknown>;
  policyVersion!: number;
  steps!: StepView[];
  history!: AuditEntry[];
}

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function toStepView(s: ApprovalStepRecord): StepView {
  return {
    index: s.index,
    status: s.status,
    approver: approverColumns(s.approver),
    escalateTo: s.escalateTo === null ? null : approverColumns(s.escalateTo),
    dueAfterMinutes: s.dueAfterMinutes,
    escalationGraceMinutes: s.escalationGraceMinutes,
    activatedAt: iso(s.activatedAt),
    dueAt: iso(s.dueAt),
    escalationAt: iso(s.escalationAt),
    decidedBy: s.decidedBy,
    onBehalfOf: s.onBehalfOf,
    decidedAt: iso(s.decidedAt),
    comment: s.comment,
  };
}

export function toSummary(r: ApprovalRequestRecord, steps: readonly ApprovalStepRecord[]): RequestSummaryView {
  const current = steps.find((s) => s.requestId === r.id && s.index === r.currentStepIndex);
  return {
    id: r.id,
    subjectKind: r.subjectKind,
    subjectId: r.subjectId,
    subjectVersion: r.subjectVersion,
    requesterId: r.requesterId,
    authorIds: [...r.authorIds],
    unitId: r.unitId,
    amount: r.amount,
    discountPercent: r.discountPercent,
    status: r.status,
    stepCount: r.stepCount,
    currentStepIndex: r.currentStepIndex,
    currentStep: r.status === ApprovalRequestStatus.Pending && current !== undefined ? toStepView(current) : null,
    requestedAt: r.requestedAt.toISOString(),
    openedAt: r.openedAt.toISOString(),
    closedAt: iso(r.closedAt),
    closedBy: r.closedBy,
    closeComment: r.closeComment,
    version: r.version,
  };
}

export function toDetail(
  r: ApprovalRequestRecord,
  steps: readonly ApprovalStepRecord[],
  history: readonly AuditEntry[],
): RequestDetailView {
  return {
    ...toSummary(r, steps),
    snapshot: r.snapshot,
    policyVersion: r.policyVersion,
    steps: steps.filter((s) => s.requestId === r.id).map(toStepView),
    history: history.filter((h) => h.requestId === r.id),
  };
}
