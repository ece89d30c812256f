import { Injectable } from '@nestjs/common';
import { EntityManager, In, QueryDeepPartialEntity } from 'typeorm';
import {
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  ResolvedApprovalStep,
  approvalSlaDeadlines,
} from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { AccessScope, SqlParams, decidableSql, visibleSql } from './access-scope';
import { ApprovalRequestEntity } from './request.entity';
import { ApprovalRequestRecord, ApprovalStepRecord, StepStatus } from './request.records';
import { ApprovalStepEntity } from './request-step.entity';
import { approverColumns, approverFromColumns } from './step-approver';

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

export interface RequestFilters {
  status?: ApprovalRequestStatus;
  subjectKind?: ApprovalSubjectKind;
  subjectId?: string;
  requesterId?: string;
}

export interface PageWindow {
  limit: number;
  offset: number;
}

export interface StepDecision {
  status: StepStatus.Approved | StepStatus.Rejected;
  decidedBy: string;
  onBehalfOf: string | null;
  decidedAt: Date;
  comment: string | null;
}

export interface RequestPage {
  records: ApprovalRequestRecord[];
  total: number;
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
 * visibility and decidability filters are set-based SQL from access-scope.ts, read back as entities (hydrateRows).
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

  async findVisible(manager: EntityManager, scope: AccessScope, id: string): Promise<ApprovalRequestRecord | null> {
    const params = new SqlParams();
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT r.* FROM approval_request r WHERE r.id = ${params.add(id)} AND ${visibleSql(scope, params)}`,
      params.values,
    );
    const [entity] = hydrateRows(manager, ApprovalRequestEntity, rows);
    return entity === undefined ? null : toRequestRecord(entity);
  }

  async listVisible(
    manager: EntityManager,
    scope: AccessScope,
    filters: RequestFilters,
    page: PageWindow,
    order: 'newest' | 'oldest' = 'newest',
  ): Promise<RequestPage> {
    const params = new SqlParams();
    const where = [visibleSql(scope, params), ...filterSql(filters, params)].join(' AND ');
    return this.paged(manager, `FROM approval_request r WHERE ${where}`, params, page, order);
  }

  /** Requests whose current step the caller may decide now (in their own right, by delegation or escalation). */
  async listDecidable(
    manager: EntityManager,
    scope: AccessScope,
    now: Date,
    filters: Pick<RequestFilters, 'subjectKind'>,
    page: PageWindow,
  ): Promise<RequestPage> {
    const params = new SqlParams();
    const where = [
      `r.status = '${ApprovalRequestStatus.Pending}'`,
      `s.status = '${StepStatus.Pending}'`,
      decidableSql(scope, params, now),
      ...filterSql(filters, params),
    ].join(' AND ');
    return this.paged(
      manager,
      `FROM approval_request r JOIN approval_step s ON s.request_id = r.id AND s.step_index = r.current_step_index
       WHERE ${where}`,
      params,
      page,
      'oldest',
    );
  }

  private async paged(
    manager: EntityManager,
    from: string,
    params: SqlParams,
    page: PageWindow,
    order: 'newest' | 'oldest',
  ): Promise<RequestPage> {
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from}`,
      params.values,
    );
    const direction = order === 'newest' ? 'DESC' : 'ASC';
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT r.* ${from} ORDER BY r.opened_at ${direction}, r.id ${direction}
       LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
      params.values,
    );
    return { records: hydrateRows(manager, ApprovalRequestEntity, rows).map(toRequestRecord), total };
  }
}

/** `version = version + 1`, as the query builder takes raw SQL for a value. */
const bumped = () => 'version + 1';

const decimal = (value: string | null): number | null => (value === null ? null : Number(value));

function toRequestRecord(e: ApprovalRequestEntity): ApprovalRequestRecord {
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

function toStepRecord(e: ApprovalStepEntity): ApprovalStepRecord {
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

function filterSql(filters: RequestFilters, params: SqlParams): string[] {
  const clauses: string[] = [];
  if (filters.status !== undefined) clauses.push(`r.status = ${params.add(filters.status)}`);
  if (filters.subjectKind !== undefined) clauses.push(`r.subject_kind = ${params.add(filters.subjectKind)}`);
  if (filters.subjectId !== undefined) clauses.push(`r.subject_id = ${params.add(filters.subjectId)}::uuid`);
  if (filters.requesterId !== undefined) clauses.push(`r.requester_id = ${params.add(filters.requesterId)}::uuid`);
  return clauses;
}
