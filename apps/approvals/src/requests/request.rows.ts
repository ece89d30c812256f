import {
  ApprovalRequestState,
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  DecidableStep,
  ResolvedApprover,
  Role,
} from '@dealgate/domain';
import { approverFromColumns } from './step-approver';

/** Stored step states. Values are stored: never rename. */
export enum StepStatus {
  Waiting = 'waiting',
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

export interface RequestRow {
  id: string;
  subject_kind: ApprovalSubjectKind;
  subject_id: string;
  subject_version: number;
  requester_id: string;
  author_ids: string[];
  unit_id: string | null;
  amount: string | null;
  discount_percent: string | null;
  snapshot: Record<string, unknown>;
  policy_version: number;
  status: ApprovalRequestStatus;
  step_count: number;
  current_step_index: number;
  current_step_activated_at: Date;
  requested_at: Date;
  opened_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  close_comment: string | null;
  version: number;
}

export interface StepRow {
  request_id: string;
  step_index: number;
  policy_step_index: number;
  approver_user_id: string | null;
  approver_role: Role | null;
  approver_unit_id: string | null;
  escalate_user_id: string | null;
  escalate_role: Role | null;
  escalate_unit_id: string | null;
  due_after_minutes: number;
  escalation_grace_minutes: number;
  status: StepStatus;
  activated_at: Date | null;
  due_at: Date | null;
  escalation_at: Date | null;
  decided_by: string | null;
  on_behalf_of: string | null;
  decided_at: Date | null;
  comment: string | null;
}

export function requestState(row: RequestRow): ApprovalRequestState {
  return {
    status: row.status,
    requesterId: row.requester_id,
    stepCount: row.step_count,
    currentStepIndex: row.current_step_index,
    currentStepActivatedAt: new Date(row.current_step_activated_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
  };
}

export function stepApprover(row: StepRow): ResolvedApprover {
  const approver = approverFromColumns({
    userId: row.approver_user_id,
    role: row.approver_role,
    unitId: row.approver_unit_id,
  });
  // The table's CHECK constraint guarantees a user or a role.
  if (approver === null) throw new Error(`Step ${row.request_id}/${row.step_index} has no approver`);
  return approver;
}

export function stepEscalateTo(row: StepRow): ResolvedApprover | null {
  return approverFromColumns({ userId: row.escalate_user_id, role: row.escalate_role, unitId: row.escalate_unit_id });
}

export function decidableStep(row: StepRow): DecidableStep {
  return {
    approver: stepApprover(row),
    escalateTo: stepEscalateTo(row),
    dueAfterMinutes: row.due_after_minutes,
    escalationGraceMinutes: row.escalation_grace_minutes,
  };
}
