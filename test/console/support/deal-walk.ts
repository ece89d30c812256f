/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { REQUIRED_BRIEF_SECTIONS } from '@dealgate/domain';
import { waitFor } from '@dealgate/testing';
import { ConsoleWorld, Person, approvedProspects } from './console-world';

// Deals walked through the API by their results (the console's own pages are tested elsewhere), so a spec can
// start where its page starts: an offer waiting for the head, a contract case handed over to legal, a deviation.

const HOUR_MS = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR_MS).toISOString();

/** The offer terms a walk drafts: under the owner's threshold (1,000,000), so the unit's head alone approves. */
export const OFFER_TERMS = {
  paymentDays: 30,
  delivery: { text: 'Go-live in six weeks', days: 42 },
  discountPercent: 5,
  validUntil: '2027-03-31',
  clauses: ['sla-99.5'],
};
export const PORTAL_ITEM = {
  productId: 'portal',
  description: 'Ordering portal',
  quantity: 1,
  unitPriceMinor: 4_500_000,
  currency: 'EUR',
};
export const NEEDS = ['Order online instead of by phone', 'See stock levels before ordering'];

export interface BriefedProspect {
  prospectId: string;
  companyName: string;
  /** The decision-maker who attends the defence. */
  contactId: string;
  /** The brief's needs, in the order of NEEDS. */
  needs: { id: string; text: string }[];
}

/** Waits until `who` has a pending approval about `subjectId`; answers the request's detail. */
export async function pendingApproval(world: ConsoleWorld, who: Person, subjectId: string): Promise<any> {
  const item = await waitFor(
    async () =>
      (await world.call(who, 'GET', '/api/approvals/pending?limit=100')).items.find(
        (i: any) => i.subjectId === subjectId,
      ),
    { what: `a pending approval of ${subjectId} for ${who.name}`, timeoutMs: 90_000 },
  );
  return world.call(who, 'GET', `/api/approvals/${item.id}`);
}

/** `who` approves the current step of the pending request about `subjectId`. */
export async function approveThrough(world: ConsoleWorld, who: Person, subjectId: string, comment?: string) {
  const detail = await pendingApproval(world, who, subjectId);
  return world.call(who, 'POST', `/api/approvals/${detail.id}/approve`, {
    stepIndex: detail.currentStepIndex,
    ...(comment ? { comment } : {}),
  });
}

async function prospectAt(world: ConsoleWorld, prospectId: string, stage: string) {
  await waitFor(
    async () => (await world.call(world.head, 'GET', `/api/prospects/${prospectId}`)).stage === stage || null,
    { what: `the prospect at ${stage}`, timeoutMs: 90_000 },
  );
}

/** A prospect of an approved sample, its decision-maker met, its brief complete with the two NEEDS. */
export async function briefedProspect(world: ConsoleWorld, companyName = `Acme ${Date.now()}`) {
  const seller = world.seller;
  const { prospects } = await approvedProspects(world, [companyName], seller);
  const prospectId: string = prospects[0].id;
  const contact = await world.call(seller, 'POST', `/api/prospects/${prospectId}/contacts`, {
    name: 'Dana Moss',
    position: 'COO',
    isDecisionMaker: true,
    decisionReason: 'Signs supply contracts',
  });
  const meeting = await world.call(seller, 'POST', `/api/prospects/${prospectId}/meetings`, {
    contactId: contact.id,
    scheduledAt: ago(50),
  });
  await world.call(seller, 'POST', `/api/prospects/${prospectId}/meetings/${meeting.id}/held`, { heldAt: ago(49) });
  const brief = await world.call(seller, 'PUT', `/api/prospects/${prospectId}/brief`, {
    sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
    needs: NEEDS.map((text) => ({ text })),
  });
  await world.call(seller, 'POST', `/api/prospects/${prospectId}/brief/complete`, { version: brief.version });
  const needs = NEEDS.map((text) => brief.needs.find((n: any) => n.text === text));
  const walked: BriefedProspect = { prospectId, companyName, contactId: contact.id, needs };
  return walked;
}

export interface OfferWalk extends BriefedProspect {
  /** The offer version waiting for approval. */
  offer: any;
  /** The earlier, approved version when `revised`. */
  previous: any;
  /** The pending approval request (detail) the head sees. */
  approval: any;
}

/**
 * An offer the salesperson submitted, waiting for the unit's head. Its one item answers the first need, so the
 * second is left unaddressed. With `revised`, version 1 was approved and version 2 (price and payment changed)
 * is the one waiting.
 */
export async function offerAwaitingApproval(
  world: ConsoleWorld,
  options: { companyName?: string; revised?: boolean } = {},
): Promise<OfferWalk> {
  const seller = world.seller;
  const prospect = await briefedProspect(world, options.companyName);
  const item = { ...PORTAL_ITEM, needIds: [prospect.needs[0].id] };
  let offer = await world.call(seller, 'POST', `/api/prospects/${prospect.prospectId}/offers`, {
    ...OFFER_TERMS,
    items: [item],
  });
  let previous: any = null;
  if (options.revised) {
    await world.call(seller, 'POST', `/api/offers/${offer.id}/submit`, { version: offer.version });
    await approveThrough(world, world.head, offer.id);
    await prospectAt(world, prospect.prospectId, 'offer_defence');
    previous = await world.call(seller, 'GET', `/api/offers/${offer.id}`);
    const draft = await world.call(seller, 'POST', `/api/offers/${offer.id}/revisions`, { version: previous.version });
    offer = await world.call(seller, 'PATCH', `/api/offers/${draft.id}`, {
      ...OFFER_TERMS,
      paymentDays: 45,
      items: [{ ...item, unitPriceMinor: 4_200_000 }],
      version: draft.version,
    });
  }
  offer = await world.call(seller, 'POST', `/api/offers/${offer.id}/submit`, { version: offer.version });
  const approval = await pendingApproval(world, world.head, offer.id);
  return { ...prospect, offer, previous, approval };
}

export interface CaseWalk extends BriefedProspect {
  offerId: string;
  /** The contract case as the lawyer sees it. */
  contractCase: any;
}

/** The head approved the offer, the salesperson defended it on a video call: the contract case is open. */
export async function handedOverCase(world: ConsoleWorld, companyName?: string): Promise<CaseWalk> {
  const walk = await offerAwaitingApproval(world, { companyName });
  await approveThrough(world, world.head, walk.offer.id);
  await prospectAt(world, walk.prospectId, 'offer_defence');
  await world.call(world.seller, 'POST', `/api/offers/${walk.offer.id}/defences`, {
    heldAt: ago(1),
    attendeeContactIds: [walk.contactId],
    outcome: 'accepted',
    channel: 'video',
  });
  const summary = await waitFor(
    async () =>
      (await world.call(world.lawyer, 'GET', `/api/contracts?prospectId=${walk.prospectId}`)).items[0] ?? null,
    { what: 'the contract case of the defended offer', timeoutMs: 90_000 },
  );
  const contractCase = await world.call(world.lawyer, 'GET', `/api/contracts/${summary.id}`);
  const { offer: _offer, previous: _previous, approval: _approval, ...prospect } = walk;
  return { ...prospect, offerId: walk.offer.id, contractCase };
}

export interface DeviationWalk extends CaseWalk {
  /** The pending approval request (detail) of the deviation, as the head sees it. */
  approval: any;
}

/**
 * The lawyer changed the handed-over terms (a lower price, 60 payment days, a 10 % discount, later delivery and
 * validity, another clause): the deviation waits for the unit's head.
 */
export async function deviationAwaitingApproval(world: ConsoleWorld, companyName?: string): Promise<DeviationWalk> {
  const walk = await handedOverCase(world, companyName);
  const { baseline, termsRevision } = walk.contractCase;
  const terms = {
    items: baseline.items.map((i: any) => ({ ...i, unitPriceMinor: 4_000_000 })),
    paymentDays: 60,
    delivery: { text: 'Go-live in ten weeks', days: 70 },
    discountPercent: 10,
    validUntil: '2027-06-30',
    clauses: [...baseline.clauses, 'liability-cap-1x'],
  };
  const contractCase = await world.call(world.lawyer, 'PUT', `/api/contracts/${walk.contractCase.id}/terms`, {
    terms,
    revision: termsRevision,
  });
  const approval = await pendingApproval(world, world.head, contractCase.id);
  return { ...walk, contractCase, approval };
}
