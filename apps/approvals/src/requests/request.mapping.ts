import { approverFromColumns } from './step-approver';
import { ApprovalRequestRecord, ApprovalStepRecord } from './request.records';
import { ApprovalRequestEntity } from './request.entity';
import { ApprovalStepEntity } from './request-step.entity';

// Entities to records, in one place: the repositories hand out only records.

const decimal = (value: string | null): number | null => (value === null ? null : Number(value));

export function toRequestRecord(e: ApprovalRequestEntity): ApprovalRequestRecord {
  return {
    id: e.id,
    subjectKind: e.subjectKind,
    subjectId: e.subjectId,
    subjectVersion: e.subjectVersion,
    requesterId: e.requesterId,
    authorIds: e.authorIds,
    unitId: e.unitId,
    amount: decimal(e.amount),
    discountPercent: decimal(e.discountPercent),
    snapshot: e.snapshot,
    policyVersion: e.policyVersion,
    status: e.status,
    stepCount: e.stepCount,
    currentStepIndex: e.currentStepIndex,
    currentStepActivatedAt: e.currentStepActivatedAt,
    requestedAt: e.requestedAt,
    openedAt: e.openedAt,
    closedAt: e.closedAt,
    closedBy: e.closedBy,
    closeComment: e.closeComment,
    version: e.version,
  };
}

export function toStepRecord(e: ApprovalStepEntity): ApprovalStepRecord {
  const approver = approverFromColumns({ userId: e.approverUserId, role: e.approverRole, unitId: e.approverUnitId });
  // The table's CHECK constraint guarantees a user or a role.
  if (approver === null) throw new Error(`Step ${e.requestId}/${e.stepIndex} has no approver`);
  return {
    requestId: e.requestId,
    index: e.stepIndex,
    policyStepIndex: e.policyStepIndex,
    approver,
    escalateTo: approverFromColumns({ userId: e.escalateUserId, role: e.escalateRole, unitId: e.escalateUnitId }),
    dueAfterMinutes: e.dueAfterMinutes,
    escalationGraceMinutes: e.escalationGraceMinutes,
    status: e.status,
    activatedAt: e.activatedAt,
    dueAt: e.dueAt,
    escalationAt: e.escalationAt,
    decidedBy: e.decidedBy,
    onBehalfOf: e.onBehalfOf,
    decidedAt: e.decidedAt,
    comment: e.comment,
  };
}
