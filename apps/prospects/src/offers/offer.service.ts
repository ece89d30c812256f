import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertOfferAddressesBrief,
  assertOfferNeedsInBrief,
  assertOfferEditable,
  assertOfferRevisable,
  assertOfferSubmittable,
  DomainError,
  funnelError,
  FunnelErrorCode,
  FunnelEventKind,
  offerTotalMinor,
  OfferStatus,
  ProspectStatus,
  Stage,
  stageLabel,
  termsProblems,
  termsSnapshotOf,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock, Page, toPage } from '@dealgate/common';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { BriefRepository } from '../briefs/brief.repository';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { Prospect } from '../prospects/prospect.model';
import { actorOf } from '../shared/actor';
import { assertVersion, notFound, versionConflict } from '../shared/errors';
import { OfferQuery, OfferTermsInputDto, UpdateOfferDto } from './offer.dto';
import { OfferTerms, OfferView } from './offer.model';
import { OfferRepository } from './offer.repository';

function termsOf(dto: OfferTermsInputDto): OfferTerms {
  return {
    items: dto.items.map((i) => ({
      id: randomUUID(),
      productId: i.productId.trim(),
      description: i.description.trim(),
      quantity: i.quantity,
      unitPriceMinor: i.unitPriceMinor,
      currency: i.currency,
      needIds: [...new Set(i.needIds)],
    })),
    paymentDays: dto.paymentDays,
    delivery: { text: dto.delivery.text?.trim() || null, days: dto.delivery.days ?? null },
    discountPercent: dto.discountPercent,
    validUntil: dto.validUntil,
    clauses: dto.clauses ?? [],
  };
}

/** One currency per offer (totals and thresholds compare like with like); terms as contracts will check them. */
function priced(terms: OfferTerms): { totalMinor: number; currency: string } {
  const currencies = [...new Set(terms.items.map((i) => i.currency))];
  if (currencies.length > 1) {
    throw funnelError(
      FunnelErrorCode.OfferTermsInvalid,
      `All items of an offer must be in one currency; found ${currencies.join(', ')}.`,
    );
  }
  const problems = termsProblems(termsSnapshotOf(terms));
  if (problems.length > 0) throw funnelError(FunnelErrorCode.OfferTermsInvalid, problems.join(' '), { problems });
  return { totalMinor: offerTotalMinor(terms.items, terms.discountPercent), currency: currencies[0] };
}

function assertFormingOffer(prospect: Prospect): void {
  if (prospect.status !== ProspectStatus.Active || prospect.stage !== Stage.OfferFormation) {
    throw funnelError(
      FunnelErrorCode.WrongStage,
      `Offers are formed at the offer formation stage; the prospect is at ${stageLabel(prospect.stage)} (${prospect.status}).`,
    );
  }
}

@Injectable()
export class OfferService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: OfferRepository,
    private readonly briefs: BriefRepository,
    private readonly transitions: FunnelTransitions,
    private readonly clock: Clock,
  ) {}

  async list(user: Principal, query: OfferQuery): Promise<Page<OfferView>> {
    const { items, total } = await this.offers.list(this.dataSource.manager, user, query);
    return toPage(items, total, query);
  }

  async forProspect(user: Principal, prospectId: string): Promise<OfferView[]> {
    await this.transitions.lockFor(this.dataSource.manager, actorOf(user), prospectId, 'read');
    return this.offers.forProspect(this.dataSource.manager, prospectId);
  }

  async get(user: Principal, id: string): Promise<OfferView> {
    const offer = await this.offers.findById(this.dataSource.manager, id);
    if (!offer) throw notFound('offer', id);
    await this.visibleProspect(this.dataSource.manager, user, offer);
    return offer;
  }

  /** A first draft, built from the completed brief. */
  async create(user: Principal, prospectId: string, dto: OfferTermsInputDto): Promise<OfferView> {
    return this.dataSource.transaction(async (manager) => {
      const prospect = await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      assertFormingOffer(prospect);
      const brief = await this.briefs.forProspect(manager, prospectId);
      if (!brief?.completedAt)
        throw funnelError(
          FunnelErrorCode.BriefNotReady,
          'An offer is built from a completed brief; complete the brief first.',
        );
      if (await this.offers.hasOpenOffer(manager, prospectId)) {
        throw funnelError(
          FunnelErrorCode.OfferAlreadyOpen,
          'The prospect already has an offer in the works; edit it or make a new version of it.',
        );
      }
      const terms = termsOf(dto);
      assertOfferNeedsInBrief(
        terms.items,
        brief.needs.map((n) => n.id),
      );
      const { totalMinor, currency } = priced(terms);
      return this.offers.insert(manager, {
        prospectId,
        previousOfferId: null,
        authorId: user.userId,
        terms,
        totalMinor,
        currency,
        at: this.clock.now(),
      });
    });
  }

  /** Editing a pending offer voids its approval request: the approver must see what is finally proposed. */
  async update(user: Principal, id: string, dto: UpdateOfferDto): Promise<OfferView> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.lockOffer(manager, user, id, dto.version);
      assertOfferEditable(offer.status);
      const terms = termsOf(dto);
      await this.assertNeedsInBrief(manager, offer.prospectId, terms);
      const { totalMinor, currency } = priced(terms);
      if (offer.status === OfferStatus.PendingApproval && offer.approvalRequestId) {
        await emitJob(manager, JobName.ApprovalVoided, {
          requestId: offer.approvalRequestId,
          reason: 'The offer was edited after it was submitted.',
        });
      }
      const updated = await this.offers.updateTerms(
        manager,
        id,
        dto.version,
        terms,
        totalMinor,
        currency,
        this.clock.now(),
        user.userId,
      );
      if (!updated) throw versionConflict('offer', dto.version);
      return updated;
    });
  }

  /** Sends the offer to a head for approval, with the amount and discount the approval thresholds look at. */
  async submit(user: Principal, id: string, version: number): Promise<OfferView> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.lockOffer(manager, user, id, version);
      assertOfferSubmittable(offer.status);
      const prospect = await this.transitions.lockFor(manager, actorOf(user), offer.prospectId, 'write');
      assertFormingOffer(prospect);
      const brief = await this.briefs.forProspect(manager, prospect.id);
      assertOfferAddressesBrief(offer, brief?.needs.map((n) => n.id) ?? []);
      priced(offer);
      const now = this.clock.now();
      // Approving an offer the prospect can no longer accept would waste the approver's time.
      if (offer.validUntil < now.toISOString().slice(0, 10)) {
        throw funnelError(
          FunnelErrorCode.OfferTermsInvalid,
          `The offer was valid until ${offer.validUntil}; set a new validity date.`,
        );
      }
      const requestId = randomUUID();
      const submitted = await this.offers.changeStatus(
        manager,
        id,
        {
          status: OfferStatus.PendingApproval,
          approvalRequestId: requestId,
          submittedAt: now,
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
        },
        now,
      );
      await emitJob(manager, JobName.ApprovalRequested, {
        requestId,
        subjectKind: 'offer',
        subjectId: id,
        subjectVersion: submitted.version,
        requesterId: user.userId,
        unitId: prospect.unitId,
        // Thresholds are in whole currency units; the snapshot keeps the exact minor units.
        amount: submitted.totalMinor / 100,
        discountPercent: submitted.discountPercent,
        snapshot: {
          prospectId: prospect.id,
          companyName: prospect.companyName,
          offerNumber: submitted.number,
          authorId: submitted.authorId,
          // Read by approvals: none of these may decide the request.
          authorIds: submitted.contributorIds,
          currency: submitted.currency,
          totalMinor: submitted.totalMinor,
          terms: termsSnapshotOf(submitted),
          needsAddressed: submitted.items.map((i) => ({
            productId: i.productId,
            needs: (brief?.needs ?? []).filter((n) => i.needIds.includes(n.id)).map((n) => n.text),
          })),
        },
        requestedAt: now.toISOString(),
      });
      return submitted;
    });
  }

  /**
   * A new version (own id) from an approved offer or one the prospect objected to. Revising the approved offer
   * voids its approval: the prospect goes back to offer formation until the new version is approved.
   */
  async revise(user: Principal, id: string, version: number): Promise<OfferView> {
    return this.dataSource.transaction(async (manager) => {
      const offer = await this.lockOffer(manager, user, id, version);
      assertOfferRevisable(offer.status);
      const prospect = await this.transitions.lockFor(manager, actorOf(user), offer.prospectId, 'write');
      const now = this.clock.now();
      if (offer.status === OfferStatus.Approved)
        await this.offers.changeStatus(manager, id, { status: OfferStatus.Superseded }, now);
      if (await this.offers.hasOpenOffer(manager, offer.prospectId)) {
        throw funnelError(FunnelErrorCode.OfferAlreadyOpen, 'A newer version of this offer is already in the works.');
      }
      const terms: OfferTerms = { ...offer, items: offer.items.map((i) => ({ ...i, id: randomUUID() })) };
      await this.assertNeedsInBrief(manager, offer.prospectId, terms);
      const revision = await this.offers.insert(manager, {
        prospectId: offer.prospectId,
        previousOfferId: offer.id,
        authorId: user.userId,
        earlierContributorIds: offer.contributorIds,
        terms,
        totalMinor: offer.totalMinor,
        currency: offer.currency,
        at: now,
      });
      await this.transitions.apply(
        manager,
        prospect,
        { kind: FunnelEventKind.OfferRevised, offerId: revision.id },
        user.userId,
        now,
      );
      return revision;
    });
  }

  private async assertNeedsInBrief(manager: EntityManager, prospectId: string, terms: OfferTerms): Promise<void> {
    const brief = await this.briefs.forProspect(manager, prospectId);
    assertOfferNeedsInBrief(terms.items, brief?.needs.map((n) => n.id) ?? []);
  }

  /** Locks an offer the caller may change (write access on its prospect) at the version they read. */
  private async lockOffer(manager: EntityManager, user: Principal, id: string, version: number): Promise<OfferView> {
    const offer = await this.offers.findById(manager, id, true);
    if (!offer) throw notFound('offer', id);
    await this.visibleProspect(manager, user, offer);
    await this.transitions.lockFor(manager, actorOf(user), offer.prospectId, 'write');
    assertVersion('offer', offer.version, version);
    return offer;
  }

  private async visibleProspect(manager: EntityManager, user: Principal, offer: OfferView): Promise<Prospect> {
    try {
      return await this.transitions.lockFor(manager, actorOf(user), offer.prospectId, 'read');
    } catch (error) {
      // An offer of a prospect the caller cannot see does not exist for them.
      if (error instanceof DomainError && error.code === 'not_found') throw notFound('offer', offer.id);
      throw error;
    }
  }
}
