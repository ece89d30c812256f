import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  ResolvedApprovalStep,
  approvalSlaDeadlines,
} from '@dealgate/domain';
import { AccessScope, SqlParams, decidableSql, visibleSql } from './access-scope';
import { RequestRow, StepRow, StepStatus, decidableStep } from './request.rows';
import { approverColumns } from './step-approver';

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

export interface RequestClosing {
  status: ApprovalRequestStatus;
  closedAt: Date;
  closedBy: string | null;
  comment: string | null;
}

/** Approval requests and the steps of their frozen chains. */
@Injectable()
export class RequestRepository {
  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM approval_request WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** False when a concurrent delivery of the same request got there first. */
  async insert(manager: EntityManager, request: NewRequest): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO approval_request (id, subject_kind, subject_id, subject_version, requester_id, unit_id, amount,
         discount_percent, snapshot, policy_version, status, step_count, current_step_index, current_step_activated_at,
         requested_at, opened_at, closed_at, author_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $13, $15, $16::uuid[])
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        request.id,
        request.subjectKind,
        request.subjectId,
        request.subjectVersion,
        request.requesterId,
        request.unitId,
        request.amount,
        request.discountPercent,
        JSON.stringify(request.snapshot),
        request.policyVersion,
        request.status,
        request.stepCount,
        request.openedAt,
        request.requestedAt,
        request.status === ApprovalRequestStatus.Pending ? null : request.openedAt,
        request.authorIds,
      ],
    );
    return rows.length > 0;
  }

  /** Stores the chain; step 0 starts pending at `activatedAt` unless the request is already closed. */
  async insertSteps(
    manager: EntityManager,
    requestId: string,
    chain: readonly ResolvedApprovalStep[],
    activatedAt: Date | null,
  ): Promise<void> {
    for (const step of chain) {
      const approver = approverColumns(step.approver);
      const escalate = approverColumns(step.escalateTo);
      const active = step.index === 0 && activatedAt !== null;
      await manager.query(
        `INSERT INTO approval_step (request_id, step_index, policy_step_index, approver_user_id, approver_role,
           approver_unit_id, escalate_user_id, escalate_role, escalate_unit_id, due_after_minutes,
           escalation_grace_minutes, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          requestId,
          step.index,
          step.policyStepIndex,
          approver.userId,
          approver.role,
          approver.unitId,
          escalate.userId,
          escalate.role,
          escalate.unitId,
          step.dueAfterMinutes,
          step.escalationGraceMinutes,
          activatedAt === null ? StepStatus.Cancelled : StepStatus.Waiting,
        ],
      );
      if (active) await this.activateStep(manager, requestId, step.index, activatedAt);
    }
  }

  /** Opens a step: its SLA clock starts at `at`. Returns the step as stored. */
  async activateStep(manager: EntityManager, requestId: string, stepIndex: number, at: Date): Promise<StepRow> {
    const [current] = await this.steps(manager, [requestId], stepIndex);
    const deadlines = approvalSlaDeadlines(decidableStep(current), at);
    const [rows] = await manager.query<[StepRow[], number]>(
      `UPDATE approval_step SET status = 'pending', activated_at = $3, due_at = $4, escalation_at = $5
       WHERE request_id = $1 AND step_index = $2 AND status = 'waiting' RETURNING *`,
      [requestId, stepIndex, at, deadlines.reminderAt, deadlines.escalationAt],
    );
    return rows[0];
  }

  /** Locks the request row: decisions on one request are serialised, so exactly one of two racers wins. */
  async lock(manager: EntityManager, id: string): Promise<RequestRow | null> {
    const rows = await manager.query<RequestRow[]>('SELECT * FROM approval_request WHERE id = $1 FOR UPDATE', [id]);
    return rows[0] ?? null;
  }

  async steps(manager: EntityManager, requestIds: readonly string[], stepIndex?: number): Promise<StepRow[]> {
    if (requestIds.length === 0) return [];
    return manager.query<StepRow[]>(
      `SELECT * FROM approval_step WHERE request_id = ANY($1::uuid[]) AND ($2::int IS NULL OR step_index = $2)
       ORDER BY request_id, step_index`,
      [requestIds, stepIndex ?? null],
    );
  }

  /** Records the decision on a pending step; 0 rows means someone else decided it first. */
  async decideStep(manager: EntityManager, requestId: string, stepIndex: number, d: StepDecision): Promise<boolean> {
    const [, count] = await manager.query<[unknown[], number]>(
      `UPDATE approval_step SET status = $3, decided_by = $4, on_behalf_of = $5, decided_at = $6, comment = $7
       WHERE request_id = $1 AND step_index = $2 AND status = 'pending'`,
      [requestId, stepIndex, d.status, d.decidedBy, d.onBehalfOf, d.decidedAt, d.comment],
    );
    return count === 1;
  }

  async moveToStep(manager: EntityManager, id: string, stepIndex: number, at: Date): Promise<void> {
    await manager.query(
      `UPDATE approval_request SET current_step_index = $2, current_step_activated_at = $3, version = version + 1
       WHERE id = $1`,
      [id, stepIndex, at],
    );
  }

  /** Closes the request and cancels the steps that will never be decided. */
  async close(manager: EntityManager, id: string, closing: RequestClosing): Promise<void> {
    await manager.query(
      `UPDATE approval_request SET status = $2, closed_at = $3, closed_by = $4, close_comment = $5, version = version + 1
       WHERE id = $1`,
      [id, closing.status, closing.closedAt, closing.closedBy, closing.comment],
    );
    await manager.query(
      `UPDATE approval_step SET status = 'cancelled' WHERE request_id = $1 AND status IN ('waiting', 'pending')`,
      [id],
    );
  }

  async findVisible(manager: EntityManager, scope: AccessScope, id: string): Promise<RequestRow | null> {
    const params = new SqlParams();
    const rows = await manager.query<RequestRow[]>(
      `SELECT r.* FROM approval_request r WHERE r.id = ${params.add(id)} AND ${visibleSql(scope, params)}`,
      params.values,
    );
    return rows[0] ?? null;
  }

  async listVisible(
    manager: EntityManager,
    scope: AccessScope,
    filters: RequestFilters,
    page: PageWindow,
    order: 'newest' | 'oldest' = 'newest',
  ): Promise<{ rows: RequestRow[]; total: number }> {
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
  ): Promise<{ rows: RequestRow[]; total: number }> {
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
  ): Promise<{ rows: RequestRow[]; total: number }> {
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from}`,
      params.values,
    );
    const direction = order === 'newest' ? 'DESC' : 'ASC';
    const rows = await manager.query<RequestRow[]>(
      `SELECT r.* ${from} ORDER BY r.opened_at ${direction}, r.id ${direction}
       LIMIT ${params.add(page.limit)} OFFSET ${params.add(page.offset)}`,
      params.values,
    );
    return { rows, total };
  }
}

function filterSql(filters: RequestFilters, params: SqlParams): string[] {
  const clauses: string[] = [];
  if (filters.status !== undefined) clauses.push(`r.status = ${params.add(filters.status)}`);
  if (filters.subjectKind !== undefined) clauses.push(`r.subject_kind = ${params.add(filters.subjectKind)}`);
  if (filters.subjectId !== undefined) clauses.push(`r.subject_id = ${params.add(filters.subjectId)}::uuid`);
  if (filters.requesterId !== undefined) clauses.push(`r.requester_id = ${params.add(filters.requesterId)}::uuid`);
  return clauses;
}
