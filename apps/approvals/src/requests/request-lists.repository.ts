import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalRequestStatus, ApprovalSubjectKind } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { AccessScope, SqlParams, decidableSql, visibleSql } from './access-scope';
import { ApprovalRequestEntity } from './request.entity';
import { toRequestRecord } from './request.mapping';
import { ApprovalRequestRecord, StepStatus } from './request.records';

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

export interface RequestPage {
  records: ApprovalRequestRecord[];
  total: number;
}

/**
 * The requests a caller may see or decide: set-based SQL from access-scope.ts (its equivalence with the domain's
 * rules is tested row by row in access-scope.int-spec.ts), read back as entities (hydrateRows) and handed out as
 * records.
 */
@Injectable()
export class RequestListRepository {
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

function filterSql(filters: RequestFilters, params: SqlParams): string[] {
  const clauses: string[] = [];
  if (filters.status !== undefined) clauses.push(`r.status = ${params.add(filters.status)}`);
  if (filters.subjectKind !== undefined) clauses.push(`r.subject_kind = ${params.add(filters.subjectKind)}`);
  if (filters.subjectId !== undefined) clauses.push(`r.subject_id = ${params.add(filters.subjectId)}::uuid`);
  if (filters.requesterId !== undefined) clauses.push(`r.requester_id = ${params.add(filters.requesterId)}::uuid`);
  return clauses;
}
