import { Logger } from '@nestjs/common';
import { ApprovalRequestStatus, DomainError, overruleApproval } from '@dealgate/domain';
import { ApprovalOverruledPayload, JobName } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { Clock } from '@dealgate/common';
import { AuditAction, AuditRepository } from '../audit/audit.repository';
import { RequestEvents } from './request.events';
import { RequestRepository } from './request.repository';

/**
 * The subject's service could not apply an approval (its own rules refuse it): the approval becomes a rejection with
 * that reason, in the audit log as `overruled`, and `approval.decided` (rejected) tells notifications and the subject's
 * service, so all three end in one state and the people are told. The approver stays the one who decided.
 */
@HandlesJob(JobName.ApprovalOverruled)
export class ApprovalOverruledHandler implements JobHandler<typeof JobName.ApprovalOverruled> {
  private readonly logger = new Logger(ApprovalOverruledHandler.name);

  constructor(
    private readonly requests: RequestRepository,
    private readonly audit: AuditRepository,
    private readonly events: RequestEvents,
    private readonly clock: Clock,
  ) {}

  async handle(p: ApprovalOverruledPayload, { manager }: JobContext): Promise<void> {
    const now = this.clock.now();
    const request = await this.requests.lock(manager, p.requestId);
    if (request === null || request.status !== ApprovalRequestStatus.Approved) {
      this.logger.warn(`Ignored the overrule of request ${p.requestId}: ${request ? request.status : 'unknown'}`);
      return;
    }
    try {
      overruleApproval(request, now);
    } catch (error) {
      if (error instanceof DomainError) return;
      throw error;
    }
    await this.requests.close(manager, request.id, {
      status: ApprovalRequestStatus.Rejected,
      closedAt: now,
      closedBy: request.closedBy,
      comment: p.reason,
    });
    await this.audit.record(manager, {
      requestId: request.id,
      subjectId: request.subjectId,
      action: AuditAction.Overruled,
      actorId: null,
      stepIndex: request.currentStepIndex,
      detail: { reason: p.reason, overruledAt: p.overruledAt },
      at: now,
    });
    await this.events.decided(manager, request, 'rejected', request.closedBy, p.reason, now);
  }
}
