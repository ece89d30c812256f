/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- tests read JSON answers loosely */
import { randomUUID } from 'node:crypto';
import {
  approvedOffer,
  approvedProspects,
  assignToSellerA,
  completeBrief,
  meetDecisionMaker,
  writeBrief,
} from './funnel-walk';
import { ProspectsHarness } from './prospects-harness';

// Builders of a prospect stopped at the stage one test needs, so that each test of a file walks its own prospect and
// can run alone. Every call approves a sample of its own (the prospect and an unassigned neighbour, with names no
// other call uses, since the funnel skips a company it already holds); a test that lists prospects filters by that
// sample to see only its own.

export interface ProspectUnderTest {
  id: string;
  sampleId: string;
}

/** Approved by the owner into primary contact; nobody owns it yet. */
export async function aFreshProspect(h: ProspectsHarness): Promise<ProspectUnderTest> {
  const tag = randomUUID().slice(0, 8);
  const { sample, prospects } = await approvedProspects(h, [
    { name: `Omega Trade ${tag}` },
    { name: `Sigma Foods ${tag}` },
  ]);
  return { id: prospects[0].id as string, sampleId: sample.id as string };
}

export async function aProspectAtPrimaryContactOwnedBySellerA(h: ProspectsHarness): Promise<ProspectUnderTest> {
  const p = await aFreshProspect(h);
  await assignToSellerA(h, p.id);
  return p;
}

/** The meeting with the decision-maker held, the brief written but not marked complete. */
export async function aProspectAtNeedsIdentificationOwnedBySellerA(h: ProspectsHarness) {
  const p = await aProspectAtPrimaryContactOwnedBySellerA(h);
  const { contactId } = await meetDecisionMaker(h, p.id);
  const brief = await writeBrief(h, p.id);
  return { ...p, contactId, needId: brief.needId, briefVersion: brief.version };
}

/** The brief complete; no offer yet. */
export async function aProspectAtOfferFormationOwnedBySellerA(h: ProspectsHarness) {
  const { briefVersion, ...p } = await aProspectAtNeedsIdentificationOwnedBySellerA(h);
  await completeBrief(h, p.id, briefVersion);
  return p;
}

/** An offer with these terms (over the usual ones) approved by head A; not defended yet. */
export async function aProspectAtOfferDefenceOwnedBySellerA(h: ProspectsHarness, terms: Record<string, unknown> = {}) {
  const p = await aProspectAtOfferFormationOwnedBySellerA(h);
  const { offerId } = await approvedOffer(h, p.id, p.needId, { decidedBy: h.people.headA.userId }, terms);
  return { ...p, offerId };
}

/** The offer defended by video and accepted: the deal is with contracts, seller A reads only. */
export async function aProspectAtContractOwnedBySellerA(h: ProspectsHarness) {
  const p = await aProspectAtOfferDefenceOwnedBySellerA(h);
  await h.call('sellerA', 'POST', `/offers/${p.offerId}/defences`, {
    heldAt: '2026-03-01T10:00:00Z',
    attendeeContactIds: [p.contactId],
    outcome: 'accepted',
    channel: 'video',
  });
  return p;
}

/** Contracts reported the signature by legal. */
export async function aWonProspectOfSellerA(h: ProspectsHarness) {
  const p = await aProspectAtContractOwnedBySellerA(h);
  await h.deliver('contract.signed', {
    caseId: randomUUID(),
    prospectId: p.id,
    offerId: p.offerId,
    salespersonId: h.people.sellerA.userId,
    unitId: h.unitA,
    signedAt: '2026-04-01T09:00:00.000Z',
    signedBy: h.people.legal.userId,
  });
  return p;
}
