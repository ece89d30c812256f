import { ApprovalEventType, ApprovalRequestStatus, applyApprovalEvent } from '@dealgate/domain';
import { ApprovalVoidedPayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { Clock } from '@dealgate/common';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { RequestEvents } from './request.events';
import { RequestRepository } from './request.repository';
import { VoidNoticeRepository } from './void-notice.repository';

/** The requesting service edited the subject: a pending request is void (the approver would see stale data). */
@HandlesJob(JobName.ApprovalVoided)
export class ApprovalVoidedHandler implements JobHandler<typeof JobName.ApprovalVoided> {
  constructor(
    private readonly requests: RequestRepository,
    private readonly voids: VoidNoticeRepository,
    private readonly audit: AuditRepository,
    private readonly events: RequestEvents,
    private readonly clock: Clock,
  ) {}

  async handle(p: ApprovalVoidedPayload, { manager }: JobContext): Promise<void> {
    const now = this.clock.now();
    const request = await this.requests.lock(manager, p.requestId);
    if (request === null) {
      await this.voids.remember(manager, p.requestId, p.reason, now);
      return;
    }
    // Already decided, recalled or voided: the outcome stands and was already announced.
    if (request.status !== ApprovalRequestStatus.Pending) return;
    applyApprovalEvent(request, { type: ApprovalEventType.Void, at: now });
    await this.requests.close(manager, request.id, {
      status: ApprovalRequestStatus.Voided,
      closedAt: now,
      closedBy: null,
      comment: p.reason,
    });
    await this.audit.record(manager, {
      requestId: request.id,
      subjectId: request.subjectId,
      action: AuditAction.Voided,
      actorId: null,
      stepIndex: request.currentStepIndex,
      detail: { reason: p.reason },
      at: now,
    });
    await this.events.decided(manager, request, 'voided', null, p.reason, now);
  }
}
