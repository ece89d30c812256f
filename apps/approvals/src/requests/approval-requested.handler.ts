import { EntityManager } from 'typeorm';
import {
  ApprovalErrorCode,
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  approvalError,
  resolveApprovalChain,
  subjectAuthorIds,
} from '@dealgate/domain';
import { ApprovalRequestedPayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { DirectoryService } from '@dealgate/chassis';
import { Clock } from '@dealgate/common';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { PolicyRepository } from '../policies/policy.repository';
import { RequestEvents } from './request.events';
import { RequestRepository } from './request.repository';
import { VoidNoticeRepository } from './void-notice.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens a request: resolves the chain from the current policy and the unit's head, freezes it with the snapshot,
 * opens step 0. Idempotent on `requestId` (the requesting service's id), on top of the inbox's message id.
 */
@HandlesJob(JobName.ApprovalRequested)
export class ApprovalRequestedHandler implements JobHandler<typeof JobName.ApprovalRequested> {
  constructor(
    private readonly requests: RequestRepository,
    private readonly policies: PolicyRepository,
    private readonly voids: VoidNoticeRepository,
    private readonly directory: DirectoryService,
    private readonly audit: AuditRepository,
    private readonly events: RequestEvents,
    private readonly clock: Clock,
  ) {}

  async handle(p: ApprovalRequestedPayload, { manager }: JobContext): Promise<void> {
    if (await this.requests.exists(manager, p.requestId)) return;
    const kind = p.subjectKind as ApprovalSubjectKind;
    const authorIds = subjectAuthorIds(p.snapshot, p.requesterId).filter((id) => UUID.test(id));
    const stored = await this.policies.find(manager, kind);
    if (stored === null) {
      // Retried, then dead-lettered: an admin restores the policy and replays the job.
      throw approvalError(ApprovalErrorCode.PolicyNotFound, `No approval policy is set for ${kind} requests.`);
    }
    const chain = resolveApprovalChain(stored.policy, {
      kind,
      requesterId: p.requesterId,
      authorIds,
      unitId: p.unitId,
      unitHeadId: await this.unitHeadOf(manager, p.unitId),
      amount: p.amount,
      discountPercent: p.discountPercent,
    });
    const now = this.clock.now();
    const voided = await this.voids.find(manager, p.requestId);
    const inserted = await this.requests.insert(manager, {
      id: p.requestId,
      subjectKind: kind,
      subjectId: p.subjectId,
      subjectVersion: p.subjectVersion,
      requesterId: p.requesterId,
      authorIds,
      unitId: p.unitId,
      amount: p.amount,
      discountPercent: p.discountPercent,
      snapshot: p.snapshot,
      policyVersion: stored.version,
      status: voided === null ? ApprovalRequestStatus.Pending : ApprovalRequestStatus.Voided,
      stepCount: chain.length,
      requestedAt: new Date(p.requestedAt),
      openedAt: now,
    });
    if (!inserted) return;
    await this.requests.insertSteps(manager, p.requestId, chain, voided === null ? now : null);
    await this.audit.record(manager, {
      requestId: p.requestId,
      subjectId: p.subjectId,
      action: AuditAction.Requested,
      actorId: p.requesterId,
      detail: { subjectVersion: p.subjectVersion, policyVersion: stored.version, stepCount: chain.length },
      at: now,
    });
    const request = (await this.requests.lock(manager, p.requestId))!;
    if (voided !== null) {
      await this.audit.record(manager, {
        requestId: request.id,
        subjectId: request.subjectId,
        action: AuditAction.Voided,
        actorId: null,
        detail: { reason: voided.reason },
        at: now,
      });
      await this.events.decided(manager, request, 'voided', null, voided.reason, now);
      return;
    }
    const [first] = await this.requests.steps(manager, [request.id], 0);
    await this.events.stepOpened(manager, request, first, now);
  }

  /** The head decides only while the unit and the head are active; otherwise the policy's fallback does. */
  private async unitHeadOf(manager: EntityManager, unitId: string | null): Promise<string | null> {
    if (unitId === null) return null;
    const unit = await this.directory.unit(unitId, manager);
    if (unit === null) {
      // The unit.upserted event has not arrived yet: retry rather than route to the fallback by mistake.
      throw new Error(`Unit ${unitId} is not in the directory copy yet`);
    }
    if (!unit.active || unit.headUserId === null) return null;
    const head = await this.directory.user(unit.headUserId, manager);
    return head !== null && head.active ? head.userId : null;
  }
}
