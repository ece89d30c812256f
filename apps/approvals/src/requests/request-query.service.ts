import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApprovalErrorCode, approvalError } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock, Page, toPage } from '@dealgate/common';
import { AuditRepository } from '../audit/audit.repository';
import { AccessScopeService } from './access-scope.service';
import { HistoryQuery, PendingQuery, RequestListQuery } from './request.dto';
import { RequestListRepository } from './request-lists.repository';
import { RequestRepository } from './request.repository';
import { ApprovalRequestRecord } from './request.records';
import { RequestDetailView, RequestSummaryView, toDetail, toSummary } from './request.views';

/** Reads, always through the caller's access scope: a request they may not see does not exist for them. */
@Injectable()
export class RequestQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lists: RequestListRepository,
    private readonly requests: RequestRepository,
    private readonly audit: AuditRepository,
    private readonly scopes: AccessScopeService,
    private readonly clock: Clock,
  ) {}

  /** What waits for my decision: by my role and unit, by delegation, and escalated steps I am the target of. */
  async pending(principal: Principal, query: PendingQuery): Promise<Page<RequestSummaryView>> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const scope = await this.scopes.scopeOf(manager, principal, now);
    const { records, total } = await this.lists.listDecidable(
      manager,
      scope,
      now,
      { subjectKind: query.subjectKind },
      query,
    );
    return toPage(await this.summaries(manager, records), total, query);
  }

  async list(principal: Principal, query: RequestListQuery): Promise<Page<RequestSummaryView>> {
    const manager = this.dataSource.manager;
    const scope = await this.scopes.scopeOf(manager, principal, this.clock.now());
    const { records, total } = await this.lists.listVisible(
      manager,
      scope,
      {
        status: query.status,
        subjectKind: query.subjectKind,
        subjectId: query.subjectId,
        requesterId: query.mine === 'true' ? principal.userId : query.requesterId,
      },
      query,
    );
    return toPage(await this.summaries(manager, records), total, query);
  }

  async detail(id: string, principal: Principal, manager: EntityManager = this.dataSource.manager) {
    const scope = await this.scopes.scopeOf(manager, principal, this.clock.now());
    const request = await this.lists.findVisible(manager, scope, id);
    if (request === null) throw requestNotFound(id);
    const [view] = await this.details(manager, [request]);
    return view;
  }

  /** Every request ever made about one subject (each version), oldest first, with decisions and audit. */
  async history(principal: Principal, query: HistoryQuery): Promise<Page<RequestDetailView>> {
    const manager = this.dataSource.manager;
    const scope = await this.scopes.scopeOf(manager, principal, this.clock.now());
    const { records, total } = await this.lists.listVisible(
      manager,
      scope,
      { subjectId: query.subjectId },
      query,
      'oldest',
    );
    return toPage(await this.details(manager, records), total, query);
  }

  private async summaries(
    manager: EntityManager,
    requests: readonly ApprovalRequestRecord[],
  ): Promise<RequestSummaryView[]> {
    const steps = await this.requests.steps(
      manager,
      requests.map((r) => r.id),
    );
    return requests.map((request) => toSummary(request, steps));
  }

  private async details(
    manager: EntityManager,
    requests: readonly ApprovalRequestRecord[],
  ): Promise<RequestDetailView[]> {
    const ids = requests.map((r) => r.id);
    const [steps, history] = await Promise.all([
      this.requests.steps(manager, ids),
      this.audit.forRequests(manager, ids),
    ]);
    return requests.map((request) => toDetail(request, steps, history));
  }
}

export function requestNotFound(id: string) {
  return approvalError(ApprovalErrorCode.RequestNotFound, `No approval request ${id} that you can see.`, { id });
}
