import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApprovalErrorCode,
  ApprovalEvent,
  ApprovalEventType,
  ApprovalOutcome,
  ApprovalRequestStatus,
  applyApprovalEvent,
  approvalError,
  assertCanDecide,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { AccessScopeService } from './access-scope.service';
import { ApproveDto, RecallDto, RejectDto } from './request.dto';
import { RequestEvents } from './request.events';
import { RequestListRepository } from './request-lists.repository';
import { RequestRepository } from './request.repository';
import { ApprovalRequestRecord, StepStatus } from './request.records';
import { RequestDetailView } from './request.views';
import { RequestQueryService, requestNotFound } from './request-query.service';

/**
 * Approve, reject, recall. Each runs in one transaction holding the request's row lock, so of two approvers
 * deciding the same step at once exactly one is recorded; the other then sees a closed request or a later step
 * (409). The step the caller saw travels in the body for that reason.
 */
@Injectable()
export class RequestDecisionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestRepository,
    private readonly lists: RequestListRepository,
    private readonly scopes: AccessScopeService,
    private readonly audit: AuditRepository,
    private readonly events: RequestEvents,
    private readonly queries: RequestQueryService,
    private readonly clock: Clock,
  ) {}

  approve(id: string, principal: Principal, dto: ApproveDto): Promise<RequestDetailView> {
    return this.decide(
      id,
      principal,
      (at) => ({ type: ApprovalEventType.Approve, stepIndex: dto.stepIndex, at }),
      dto.comment ?? null,
    );
  }

  reject(id: string, principal: Principal, dto: RejectDto): Promise<RequestDetailView> {
    return this.decide(
      id,
      principal,
      (at) => ({ type: ApprovalEventType.Reject, stepIndex: dto.stepIndex, comment: dto.comment, at }),
      dto.comment,
    );
  }

  /** The requester takes the request back while it is pending (e.g. to revise the offer). */
  recall(id: string, principal: Principal, dto: RecallDto): Promise<RequestDetailView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockVisible(manager, id, principal, now);
      applyApprovalEvent(request, { type: ApprovalEventType.Recall, actorId: principal.userId, at: now });
      const comment = dto.comment ?? null;
      await this.close(manager, request, ApprovalRequestStatus.Recalled, principal.userId, comment, now);
      await this.audit.record(manager, {
        requestId: request.id,
        subjectId: request.subjectId,
        action: AuditAction.Recalled,
        actorId: principal.userId,
        stepIndex: request.currentStepIndex,
        detail: { comment },
        at: now,
      });
      await this.events.decided(manager, request, 'recalled', principal.userId, comment, now);
      return this.queries.detail(id, principal, manager);
    });
  }

  private decide(
    id: string,
    principal: Principal,
    event: (at: Date) => Extract<ApprovalEvent, { stepIndex: number }>,
    comment: string | null,
  ): Promise<RequestDetailView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lockVisible(manager, id, principal, now);
      const decision = event(now);
      // State first: a racer who lost sees a closed request or a later step (409), not a 403 for that step.
      const transition = applyApprovalEvent(request, decision);
      const [step] = await this.requests.steps(manager, [id], request.currentStepIndex);
      const { actor, delegations } = await this.scopes.actorOf(manager, principal, now);
      const onBehalfOf = assertCanDecide(step, actor, request, { now, delegations });
      const approved = decision.type === ApprovalEventType.Approve;
      const recorded = await this.requests.decideStep(manager, id, step.index, {
        status: approved ? StepStatus.Approved : StepStatus.Rejected,
        decidedBy: principal.userId,
        onBehalfOf,
        decidedAt: now,
        comment,
      });
      if (!recorded) {
        // Unreachable under the row lock; kept so a future change of locking cannot record two decisions.
        throw approvalError(ApprovalErrorCode.StaleStep, 'This step was just decided by someone else.');
      }
      await this.audit.record(manager, {
        requestId: id,
        subjectId: request.subjectId,
        action: approved ? AuditAction.Approved : AuditAction.Rejected,
        actorId: principal.userId,
        onBehalfOf,
        stepIndex: step.index,
        detail: { comment },
        at: now,
      });
      await this.afterDecision(manager, request, transition.outcome, principal.userId, onBehalfOf, comment, now);
      return this.queries.detail(id, principal, manager);
    });
  }

  private async afterDecision(
    manager: EntityManager,
    request: ApprovalRequestRecord,
    outcome: ApprovalOutcome,
    actorId: string,
    onBehalfOf: string | null,
    comment: string | null,
    now: Date,
  ): Promise<void> {
    switch (outcome) {
      case ApprovalOutcome.StepApproved: {
        const next = request.currentStepIndex + 1;
        await this.requests.moveToStep(manager, request.id, next, now);
        const opened = await this.requests.activateStep(manager, request.id, next, now);
        await this.events.stepOpened(manager, request, opened, now);
        return;
      }
      case ApprovalOutcome.Approved:
        await this.close(manager, request, ApprovalRequestStatus.Approved, actorId, comment, now);
        await this.events.decided(manager, request, 'approved', actorId, comment, now, onBehalfOf);
        return;
      case ApprovalOutcome.Rejected:
        await this.close(manager, request, ApprovalRequestStatus.Rejected, actorId, comment, now);
        await this.events.decided(manager, request, 'rejected', actorId, comment, now, onBehalfOf);
        return;
      case ApprovalOutcome.Recalled:
      case ApprovalOutcome.Voided:
        // Not reachable from approve/reject: the state machine only yields these for recall and void.
        throw new Error(`Unexpected outcome ${outcome} of a decision`);
      default: {
        const unknown: never = outcome;
        throw new Error(`Unknown outcome ${String(unknown)}`);
      }
    }
  }

  private close(
    manager: EntityManager,
    request: ApprovalRequestRecord,
    status: ApprovalRequestStatus,
    closedBy: string | null,
    comment: string | null,
    at: Date,
  ): Promise<void> {
    return this.requests.close(manager, request.id, { status, closedAt: at, closedBy, comment });
  }

  /** 404 for a request the caller may not see; otherwise the request, locked until the transaction ends. */
  private async lockVisible(
    manager: EntityManager,
    id: string,
    principal: Principal,
    now: Date,
  ): Promise<ApprovalRequestRecord> {
    const scope = await this.scopes.scopeOf(manager, principal, now);
    if ((await this.lists.findVisible(manager, scope, id)) === null) throw requestNotFound(id);
    const locked = await this.requests.lock(manager, id);
    if (locked === null) throw requestNotFound(id);
    return locked;
  }
}
