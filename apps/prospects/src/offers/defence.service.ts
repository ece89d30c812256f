import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  assertNever,
  DefenceOutcome,
  funnelError,
  FunnelErrorCode,
  FunnelEventKind,
  OfferStatus,
  termsSnapshotOf,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { ActivityRepository } from '../activity/activity.repository';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { actorOf } from '../shared/actor';
import { notFound } from '../shared/errors';
import { RecordDefenceDto } from './offer.dto';
import { OfferRepository } from './offer.repository';
import { DefenceRepository, DefenceView } from './defence.repository';

const OFFER_STATUS_AFTER: Record<DefenceOutcome, OfferStatus> = {
  [DefenceOutcome.Accepted]: OfferStatus.Accepted,
  [DefenceOutcome.ChangesRequested]: OfferStatus.ChangesRequested,
  [DefenceOutcome.Rejected]: OfferStatus.Declined,
};

@Injectable()
export class DefenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly defences: DefenceRepository,
    private readonly offers: OfferRepository,
    private readonly activity: ActivityRepository,
    private readonly transitions: FunnelTransitions,
    private readonly clock: Clock,
  ) {}

  async list(user: Principal, offerId: string): Promise<DefenceView[]> {
    const offer = await this.offers.findById(this.dataSource.manager, offerId);
    if (!offer) throw notFound('offer', offerId);
    await this.transitions.lockFor(this.dataSource.manager, actorOf(user), offer.prospectId, 'read');
    return this.defences.forOffer(this.dataSource.manager, offerId);
  }

  /**
   * The defence of the approved offer in a meeting held in person or by video, with a decision-maker present. The
   * stage machine refuses any other channel (422 saying why) and any offer version but the approved one.
   */
  async record(user: Principal, offerId: string, dto: RecordDefenceDto): Promise<DefenceView> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.offers.findById(manager, offerId, true);
      if (!offer) throw notFound('offer', offerId);
      const prospect = await this.transitions.lockFor(manager, actorOf(user), offer.prospectId, 'write');
      const now = this.clock.now();
      const heldAt = new Date(dto.heldAt);
      if (heldAt.getTime() > now.getTime()) {
        throw funnelError(
          FunnelErrorCode.MeetingNotHeld,
          'A defence is recorded after its meeting was held, not before.',
        );
      }
      const attendees = [];
      for (const contactId of new Set(dto.attendeeContactIds)) {
        const contact = await this.activity.contactOf(manager, prospect.id, contactId);
        if (!contact)
          throw funnelError(
            FunnelErrorCode.ContactNotOfProspect,
            `Contact ${contactId} is not a contact of this prospect.`,
          );
        // The decision-maker mark comes from the contact record, never from the request.
        attendees.push({ contactId, isDecisionMaker: contact.isDecisionMaker });
      }
      const defenceId = randomUUID();
      const defence = { channel: dto.channel, attendees, outcome: dto.outcome };
      const moved = await this.transitions.apply(
        manager,
        prospect,
        { kind: FunnelEventKind.DefenceRecorded, defenceId, offerId, defence },
        user.userId,
        now,
      );
      const recorded = await this.defences.insert(manager, {
        id: defenceId,
        prospectId: prospect.id,
        offerId,
        heldAt,
        ...defence,
        note: dto.note?.trim() || null,
        recordedBy: user.userId,
        at: now,
      });
      await this.offers.changeStatus(manager, offerId, { status: OFFER_STATUS_AFTER[dto.outcome] }, now);
      switch (dto.outcome) {
        case DefenceOutcome.Accepted:
          // The handoff: contracts opens a case with the approved offer's terms as its baseline.
          await emitJob(manager, JobName.OfferDefended, {
            prospectId: prospect.id,
            offerId,
            defenceId,
            salespersonId: moved.ownerId ?? offer.authorId,
            unitId: moved.unitId,
            productLineId: moved.productLineId,
            terms: termsSnapshotOf(offer),
            defendedAt: heldAt.toISOString(),
            companyName: moved.companyName,
          });
          break;
        case DefenceOutcome.ChangesRequested:
        case DefenceOutcome.Rejected:
          break;
        default:
          assertNever(dto.outcome, 'defence outcome');
      }
      return recorded;
    });
  }
}
