/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument -- tests read JSON answers loosely */
import { REQUIRED_BRIEF_SECTIONS } from '@dealgate/domain';
import { decision, ProspectsHarness } from './prospects-harness';

export const FULL_SECTIONS = Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`]));

export function offerTerms(needIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    items: [
      {
        productId: 'crm-pro',
        description: 'CRM licences',
        quantity: 10,
        unitPriceMinor: 12_000,
        currency: 'EUR',
        needIds,
      },
    ],
    paymentDays: 30,
    delivery: { text: 'Remote onboarding', days: 14 },
    discountPercent: 5,
    validUntil: '2027-03-31',
    clauses: ['standard-sla'],
    ...overrides,
  };
}

/** A sample of `companies` built by head A, approved by the owner: answers the new prospects, in name order. */
export async function approvedProspects(
  h: ProspectsHarness,
  companies: { name: string; taxId?: string; website?: string }[],
) {
  const lines = await h.call('owner', 'GET', '/product-lines');
  const sample = await h.call('headA', 'POST', '/samples', {
    productLineId: lines.body.items.find((l: any) => l.code === 'software').id,
    title: `Sample ${companies[0].name}`,
    rationale: 'Mid-size distributors losing margin on manual ordering',
  });
  const added = await h.call('headA', 'POST', `/samples/${sample.body.id}/companies`, { companies });
  const submitted = await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, {
    version: added.body.sample.version,
  });
  const [request] = (await h.outbox('approval.requested')).filter((r) => r.payload.subjectId === sample.body.id);
  await h.deliver('approval.decided', decision(request.payload, 'approved', h.people.owner.userId));
  const list = await h.call('owner', 'GET', `/prospects?sampleId=${sample.body.id}`);
  return {
    sample: submitted.body,
    prospects: [...list.body.items].sort((a: any, b: any) => a.companyName.localeCompare(b.companyName)),
  };
}

/** Walks one assigned prospect to the offer-defence stage with an approved offer; answers the ids along the way. */
export async function walkToDefence(
  h: ProspectsHarness,
  prospectId: string,
  approval: { decidedBy: string; onBehalfOf?: string } = { decidedBy: h.people.headA.userId },
) {
  await assignToSellerA(h, prospectId);
  const { contactId } = await meetDecisionMaker(h, prospectId);
  const brief = await writeBrief(h, prospectId);
  await completeBrief(h, prospectId, brief.version);
  const { offerId } = await approvedOffer(h, prospectId, brief.needId, approval);
  return { contactId, offerId, needId: brief.needId };
}

// The steps of the walk, for a test that needs a prospect stopped at one stage.

/** Head A gives the prospect to salesperson A. */
export async function assignToSellerA(h: ProspectsHarness, prospectId: string) {
  const p = (await h.call('headA', 'GET', `/prospects/${prospectId}`)).body;
  await h.call('headA', 'POST', `/prospects/${prospectId}/assign`, {
    version: p.version,
    ownerId: h.people.sellerA.userId,
  });
}

/** A described decision-maker and a meeting with them, held: the prospect is at needs identification. */
export async function meetDecisionMaker(h: ProspectsHarness, prospectId: string) {
  const dm = await h.call('sellerA', 'POST', `/prospects/${prospectId}/contacts`, {
    name: 'Dana Moss',
    position: 'COO',
    isDecisionMaker: true,
    decisionReason: 'Signs supply contracts',
  });
  const meeting = await h.call('sellerA', 'POST', `/prospects/${prospectId}/meetings`, {
    contactId: dm.body.id,
    scheduledAt: '2026-01-10T10:00:00Z',
  });
  await h.call('sellerA', 'POST', `/prospects/${prospectId}/meetings/${meeting.body.id}/held`, {
    heldAt: '2026-01-10T11:00:00Z',
  });
  return { contactId: dm.body.id as string };
}

/** The first brief: every required section and one need, not yet marked complete. */
export async function writeBrief(h: ProspectsHarness, prospectId: string) {
  const brief = await h.call('sellerA', 'PUT', `/prospects/${prospectId}/brief`, {
    sections: FULL_SECTIONS,
    needs: [{ text: 'Faster ordering' }],
  });
  return { needId: brief.body.needs[0].id as string, version: brief.body.version as number };
}

export async function completeBrief(h: ProspectsHarness, prospectId: string, version: number) {
  await h.call('sellerA', 'POST', `/prospects/${prospectId}/brief/complete`, { version });
}

/** An offer addressing the need, submitted and approved: the prospect is at offer defence. */
export async function approvedOffer(
  h: ProspectsHarness,
  prospectId: string,
  needId: string,
  approval: { decidedBy: string; onBehalfOf?: string } = { decidedBy: h.people.headA.userId },
  terms: Record<string, unknown> = {},
) {
  const offer = await h.call('sellerA', 'POST', `/prospects/${prospectId}/offers`, offerTerms([needId], terms));
  const submitted = await h.call('sellerA', 'POST', `/offers/${offer.body.id}/submit`, { version: offer.body.version });
  const request = (await h.outbox('approval.requested')).find(
    (r) => r.payload.requestId === submitted.body.approvalRequestId,
  )!;
  await h.deliver('approval.decided', {
    ...decision(request.payload, 'approved', approval.decidedBy),
    onBehalfOf: approval.onBehalfOf ?? null,
  });
  return { offerId: offer.body.id as string };
}
