import { Injectable } from '@nestjs/common';
import { EntityManager, In, QueryDeepPartialEntity } from 'typeorm';
import {
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  ResolvedApprovalStep,
  approvalSlaDeadlines,
} from '@dealgate/domain';
import { ApprovalRequestEntity } from './request.entity';
import { ApprovalRequestRecord, ApprovalStepRecord, StepStatus } from './request.records';
import { ApprovalStepEntity } from './request-step.entity';
import { approverColumns } from './step-approver';
import { toRequestRecord, toStepRecord } from './request.mapping';

export interface NewRequest {
  id: string;
  subjectKind: ApprovalSubjectKind;
  subjectId: string;
  subjectVersion: number;
  requesterId: string;
  authorIds: readonly string[];
  unitId: string | null;
  amount: number | null;
  discountPercent: number | null;
  snapshot: Record<string, unknown>;
  policyVersion: number;
  status: ApprovalRequestStatus;
  stepCount: number;
  requestedAt: Date;
  openedAt: Date;
}

export interface StepDecision {
  status: StepStatus.Approved | StepStatus.Rejected;
  decidedBy: string;
  onBehalfOf: string | null;
  decidedAt: Date;
  comment: string | null;
}

export interface RequestClosing {
  status: ApprovalRequestStatus;
  closedAt: Date;
  closedBy: string | null;
  comment: string | null;
}

/**
 * Approval requests and the steps of their frozen chains. Entities and rows stay in here: callers give and get
 * records (request.records.ts). Single-row reads and writes go through the entity metadata (query builder); the
 * lists a caller may see or decide are in request-lists.repository.ts.
 * Updates name their columns: the freezing triggers refuse a write to any frozen column, even of the same value.
 */
@Injectable()
export class RequestRepository {
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    return manager.existsBy(ApprovalRequestEntity, { id });
  }

  /** False when a concurrent delivery of the same request got there first. */
  async insert(manager: EntityManager, request: NewRequest): Promise<boolean> {
    // Every column but version (the column's default, 1): typed as the entity so a column left out fails to compile.
    const row: Omit<ApprovalRequestEntity, 'version'> = {
      id: request.id,
      subjectKind: request.subjectKind,
      subjectId: request.subjectId,
      subjectVersion: request.subjectVersion,
      requesterId: request.requesterId,
      authorIds: [...request.authorIds],
      unitId: request.unitId,
      amount: request.amount === null ? null : String(request.amount),
      discountPercent: request.discountPercent === null ? null : String(request.discountPercent),
      snapshot: request.snapshot,
      policyVersion: request.policyVersion,
      status: request.status,
      stepCount: request.stepCount,
      currentStepIndex: 0,
      currentStepActivatedAt: request.openedAt,
      requestedAt: request.requestedAt,
      openedAt: request.openedAt,
      closedAt: request.status === ApprovalRequestStatus.Pending ? null : request.openedAt,
      closedBy: null,
      closeComment: null,
    };
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalRequestEntity)
      // The cast: the query builder's deep-partial type does not take an open jsonb record (snapshot).
      .values(row as QueryDeepPartialEntity<ApprovalRequestEntity>)
      // The primary key is the table's only unique constraint, so this is ON CONFLICT (id) DO NOTHING.
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Stores the chain; step 0 starts pending at `activatedAt` unless the request is already closed. */
  async insertSteps(
    manager: EntityManager,
    requestId: string,
    chain: readonly ResolvedApprovalStep[],
    activatedAt: Date | null,
  ): Promise<void> {
    if (chain.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalStepEntity)
      .values(
        chain.map((step) => {
          const approver = approverColumns(step.approver);
          const escalate = approverColumns(step.escalateTo);
          return {
            requestId,
            stepIndex: step.index,
            policyStepIndex: step.policyStepIndex,
            approverUserId: approver.userId,
            approverRole: approver.role,
            approverUnitId: approver.unitId,
            escalateUserId: escalate.userId,
            escalateRole: escalate.role,
            escalateUnitId: escalate.unitId,
            dueAfterMinutes: step.dueAfterMinutes,
            escalationGraceMinutes: step.escalationGraceMinutes,
            status: activatedAt === null ? StepStatus.Cancelled : StepStatus.Waiting,
          };
        }),
      )
      .updateEntity(false)
      .execute();
    if (activatedAt !== null && chain.some((step) => step.index === 0)) {
      await this.activateStep(manager, requestId, 0, activatedAt);
    }
  }

  /** Opens a waiting step: its SLA clock starts at `at`. Returns the step as stored. */
  async activateStep(
    manager: EntityManager,
    requestId: string,
    stepIndex: number,
    at: Date,
  ): Promise<ApprovalStepRecord> {
    const [current] = await this.steps(manager, [requestId], stepIndex);
    const deadlines = approvalSlaDeadlines(current, at);
    const opened = {
      status: StepStatus.Pending,
      activatedAt: at,
      dueAt: deadlines.reminderAt,
      escalationAt: deadlines.escalationAt,
    };
    const result = await manager
      .createQueryBuilder()
      .update(ApprovalStepEntity)
      .set(opened)
      .where({ requestId, stepIndex, status: StepStatus.Waiting })
      .execute();
    if (result.affected !== 1) throw new Error(`Step ${requestId}/${stepIndex} was not waiting`);
    return { ...current, ...opened };
  }

  /** Locks the request row: decisions on one request are serialised, so exactly one of two racers wins. */
  async lock(manager: EntityManager, id: string): Promise<ApprovalRequestRecord | null> {
    const entity = await manager
      .createQueryBuilder(ApprovalRequestEntity, 'r')
      .setLock('pessimistic_write')
      .where({ id })
      .getOne();
    return entity === null ? null : toRequestRecord(entity);
  }

  /** The steps of the requests, by request and index; only step `stepIndex` of each when given. */
  async steps(
    manager: EntityManager,
    requestIds: readonly string[],
    stepIndex?: number,
  ): Promise<ApprovalStepRecord[]> {
    if (requestIds.length === 0) return [];
    const entities = await manager.find(ApprovalStepEntity, {
      where: { requestId: In([...requestIds]), ...(stepIndex === undefined ? {} : { stepIndex }) },
      order: { requestId: 'ASC', stepIndex: 'ASC' },
    });
    return entities.map(toStepRecord);
  }

  /** Records the decision on a pending step; false means someone else decided it first. */
  async decideStep(manager: EntityManager, requestId: string, stepIndex: number, d: StepDecision): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ApprovalStepEntity)
      .set({
        status: d.status,
        decidedBy: d.decidedBy,
        onBehalfOf: d.onBehalfOf,
        decidedAt: d.decidedAt,
        comment: d.comment,
      })
      .where({ requestId, stepIndex, status: StepStatus.Pending })
      .execute();
    return result.affected === 1;
  }

  async moveToStep(manager: EntityManager, id: string, stepIndex: number, at: Date): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ApprovalRequestEntity)
      .set({ currentStepIndex: stepIndex, currentStepActivatedAt: at, version: bumped })
      .where({ id })
      .execute();
  }

  /** Closes the request and cancels the steps that will never be decided. */
  async close(manager: EntityManager, id: string, closing: RequestClosing): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(ApprovalRequestEntity)
      .set({
        status: closing.status,
        closedAt: closing.closedAt,
        closedBy: closing.closedBy,
        closeComment: closing.comment,
        version: bumped,
      })
      .where({ id })
      .execute();
    await manager
      .createQueryBuilder()
      .update(ApprovalStepEntity)
      .set({ status: StepStatus.Cancelled })
      .where({ requestId: id, status: In([StepStatus.Waiting, StepStatus.Pending]) })
      .execute();
  }
}

/** `version = version + 1`, as the query builder takes raw SQL for a value. */
const bumped = () => 'version + 1';
