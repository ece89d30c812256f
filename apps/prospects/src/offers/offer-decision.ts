import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, FunnelActor, FunnelEventKind, OfferStatus, Role } from '@dealgate/domain';
import { DirectoryService } from '@dealgate/chassis';
import { ApprovalDecidedPayload } from '@dealgate/messages';
import { BriefRepository } from '../briefs/brief.repository';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { ProspectRepository } from '../prospects/prospect.repository';
import { overruleApproval } from '../handlers/approval-overrule';
import { OfferRepository } from './offer.repository';

/**
 * Applies a head's decision on an offer version. Only the decision on the current request and version counts: a
 * decision on a request voided by an edit is ignored.
 */
@Injectable()
export class OfferDecision {
  private readonly logger = new Logger(OfferDecision.name);

  constructor(
    private readonly offers: OfferRepository,
    private readonly prospects: ProspectRepository,
    private readonly briefs: BriefRepository,
    private readonly transitions: FunnelTransitions,
    private readonly directory: DirectoryService,
  ) {}

  async apply(manager: EntityManager, d: ApprovalDecidedPayload, now: Date): Promise<void> {
    const offer = await this.offers.findById(manager, d.subjectId, true);
    if (
      !offer ||
      offer.status !== OfferStatus.PendingApproval ||
      offer.approvalRequestId !== d.requestId ||
      offer.version !== d.subjectVersion
    ) {
      this.logger.warn(`Ignored ${d.outcome} on offer ${d.subjectId}: not the current request/version`);
      return;
    }
    const decided = { decidedBy: d.decidedBy, decidedAt: new Date(d.decidedAt) };
    switch (d.outcome) {
      case 'rejected':
        await this.offers.changeStatus(
          manager,
          offer.id,
          { status: OfferStatus.Rejected, decisionComment: d.comment, ...decided },
          now,
        );
        return;
      case 'recalled':
      case 'voided':
        await this.offers.changeStatus(
          manager,
          offer.id,
          { status: OfferStatus.Draft, decisionComment: d.comment, ...decided },
          now,
        );
        return;
      case 'approved':
        break;
    }
    const prospect = await this.prospects.findById(manager, offer.prospectId, true);
    if (!prospect) return;
    const brief = await this.briefs.forProspect(manager, prospect.id);
    try {
      // A delegate decides with the authority of the approver they stand in for, but never on an offer they wrote:
      // the stage machine checks both (libs/domain offer-gate.ts).
      const approver = await this.approverOf(manager, d.onBehalfOf ?? d.decidedBy, prospect.unitId);
      const event = {
        kind: FunnelEventKind.OfferApproved as const,
        offer,
        briefNeedIds: brief?.needs.map((n) => n.id) ?? [],
        approver,
        decidedBy: d.decidedBy,
      };
      await this.transitions.apply(manager, prospect, event, d.decidedBy, now);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // The funnel's own rules refuse the approval (author approving, prospect lost meanwhile...): the offer is
      // sent back with the reason rather than left pending forever.
      await this.offers.changeStatus(
        manager,
        offer.id,
        { status: OfferStatus.Rejected, decisionComment: `Approval not applied: ${error.message}`, ...decided },
        now,
      );
      await overruleApproval(manager, d.requestId, `Approval not applied: ${error.message}`, now);
      return;
    }
    await this.offers.changeStatus(
      manager,
      offer.id,
      { status: OfferStatus.Approved, decisionComment: d.comment, ...decided },
      now,
    );
  }

  private async approverOf(manager: EntityManager, userId: string | null, unitId: string): Promise<FunnelActor> {
    if (!userId) return { userId: '', roles: [], unitIds: [] };
    const user = await this.directory.user(userId, manager);
    // Without a directory copy of the approver the approvals service's policy stands; the author check still applies.
    if (!user) return { userId, roles: [Role.SalesHead], unitIds: [unitId] };
    return { userId, roles: user.roles, unitIds: user.unitId ? [user.unitId] : [] };
  }
}
