import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalOutcomeValue, JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { ApprovalRequestRecord, ApprovalStepRecord } from './request.records';
import { approverColumns } from './step-approver';

/**
 * The jobs a request emits, each with its audit entry, in the caller's transaction: a step opening (for
 * notifications) and the final outcome (for the requesting service and notifications).
 */
@Injectable()
export class RequestEvents {
  constructor(private readonly audit: AuditRepository) {}

  async stepOpened(
    manager: EntityManager,
    request: ApprovalRequestRecord,
    step: ApprovalStepRecord,
    at: Date,
  ): Promise<void> {
    await this.audit.record(manager, {
      requestId: request.id,
      subjectId: request.subjectId,
      action: AuditAction.StepOpened,
      actorId: null,
      stepIndex: step.index,
      detail: { dueAt: step.dueAt, escalationAt: step.escalationAt },
      at,
    });
    const approver = approverColumns(step.approver);
    await emitJob(manager, JobName.ApprovalStepOpened, {
      requestId: request.id,
      subjectKind: request.subjectKind,
      subjectId: request.subjectId,
      stepIndex: step.index,
      approverRole: approver.role,
      approverUnitId: approver.unitId,
      approverUserId: approver.userId,
      dueAt: (step.dueAt ?? at).toISOString(),
    });
  }

  async decided(
    manager: EntityManager,
    request: ApprovalRequestRecord,
    outcome: ApprovalOutcomeValue,
    decidedBy: string | null,
    comment: string | null,
    at: Date,
    onBehalfOf: string | null = null,
  ): Promise<void> {
    await emitJob(manager, JobName.ApprovalDecided, {
      requestId: request.id,
      subjectKind: request.subjectKind,
      subjectId: request.subjectId,
      subjectVersion: request.subjectVersion,
      outcome,
      requesterId: request.requesterId,
      decidedBy,
      comment: comment === null ? null : comment.slice(0, 2000),
      decidedAt: at.toISOString(),
      onBehalfOf,
    });
  }
}
