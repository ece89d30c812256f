import { ApiProperty } from '@nestjs/swagger';
import { ApprovalRequestStatus, ApprovalSubjectKind, Role } from '@dealgate/domain';
import { AuditEntry } from '../audit/audit.view';
import { RequestRow, StepRow, StepStatus } from './request.rows';

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

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString());
const num = (value: string | null): number | null => (value === null ? null : Number(value));

export function toStepView(s: StepRow): StepView {
  const escalates = s.escalate_user_id !== null || s.escalate_role !== null;
  return {
    index: s.step_index,
    status: s.status,
    approver: { userId: s.approver_user_id, role: s.approver_role, unitId: s.approver_unit_id },
    escalateTo: escalates ? { userId: s.escalate_user_id, role: s.escalate_role, unitId: s.escalate_unit_id } : null,
    dueAfterMinutes: s.due_after_minutes,
    escalationGraceMinutes: s.escalation_grace_minutes,
    activatedAt: iso(s.activated_at),
    dueAt: iso(s.due_at),
    escalationAt: iso(s.escalation_at),
    decidedBy: s.decided_by,
    onBehalfOf: s.on_behalf_of,
    decidedAt: iso(s.decided_at),
    comment: s.comment,
  };
}

export function toSummary(r: RequestRow, steps: readonly StepRow[]): RequestSummaryView {
  const current = steps.find((s) => s.request_id === r.id && s.step_index === r.current_step_index);
  return {
    id: r.id,
    subjectKind: r.subject_kind,
    subjectId: r.subject_id,
    subjectVersion: r.subject_version,
    requesterId: r.requester_id,
    authorIds: r.author_ids,
    unitId: r.unit_id,
    amount: num(r.amount),
    discountPercent: num(r.discount_percent),
    status: r.status,
    stepCount: r.step_count,
    currentStepIndex: r.current_step_index,
    currentStep: r.status === ApprovalRequestStatus.Pending && current !== undefined ? toStepView(current) : null,
    requestedAt: new Date(r.requested_at).toISOString(),
    openedAt: new Date(r.opened_at).toISOString(),
    closedAt: iso(r.closed_at),
    closedBy: r.closed_by,
    closeComment: r.close_comment,
    version: r.version,
  };
}

export function toDetail(r: RequestRow, steps: readonly StepRow[], history: readonly AuditEntry[]): RequestDetailView {
  return {
    ...toSummary(r, steps),
    snapshot: r.snapshot,
    policyVersion: r.policy_version,
    steps: steps.filter((s) => s.request_id === r.id).map(toStepView),
    history: history.filter((h) => h.requestId === r.id),
  };
}
