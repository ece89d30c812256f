import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalOutcomeValue, JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { RequestRow, StepRow } from './request.rows';

/**
 * The jobs a request emits, each with its audit entry, in the caller's transaction: a step opening (for
 * notifications) and the final outcome (for the requesting service and notifications).
 */
@Injectable()
export class RequestEvents {
  constructor(private readonly audit: AuditRepository) {}

  async stepOpened(manager: EntityManager, request: RequestRow, step: StepRow, at: Date): Promise<void> {
    await this.audit.record(manager, {
      requestId: request.id,
      subjectId: request.subject_id,
      action: AuditAction.StepOpened,
      actorId: null,
      stepIndex: step.step_index,
      detail: { dueAt: step.due_at, escalationAt: step.escalation_at },
      at,
    });
    await emitJob(manager, JobName.ApprovalStepOpened, {
      requestId: request.id,
      subjectKind: request.subject_kind,
      subjectId: request.subject_id,
      stepIndex: step.step_index,
      approverRole: step.approver_role,
      approverUnitId: step.approver_unit_id,
      approverUserId: step.approver_user_id,
      dueAt: new Date(step.due_at ?? at).toISOString(),
    });
  }

  async decided(
    manager: EntityManager,
    request: RequestRow,
    outcome: ApprovalOutcomeValue,
    decidedBy: string | null,
    comment: string | null,
    at: Date,
    onBehalfOf: string | null = null,
  ): Promise<void> {
    await emitJob(manager, JobName.ApprovalDecided, {
      requestId: request.id,
      subjectKind: request.subject_kind,
      subjectId: request.subject_id,
      subjectVersion: request.subject_version,
      outcome,
      requesterId: request.requester_id,
      decidedBy,
      comment: comment === null ? null : comment.slice(0, 2000),
      decidedAt: at.toISOString(),
      onBehalfOf,
    });
  }
}
