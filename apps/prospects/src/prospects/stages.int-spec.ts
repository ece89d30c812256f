/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { decision, ProspectsHarness, startProspects } from '../../test/prospects-harness';
import { FULL_SECTIONS, approvedProspects, offerTerms } from '../../test/funnel-walk';
import {
  aFreshProspect,
  aProspectAtContractOwnedBySellerA,
  aProspectAtNeedsIdentificationOwnedBySellerA,
  aProspectAtOfferDefenceOwnedBySellerA,
  aProspectAtOfferFormationOwnedBySellerA,
  aProspectAtPrimaryContactOwnedBySellerA,
  aWonProspectOfSellerA,
} from '../../test/prospect-at-stage';

// One service and one database for the file; the approvals side is simulated by delivering `approval.decided`
// straight to the handler inside a transaction, as the dispatcher does. Each test walks a prospect of its own to the
// stage it starts from, so any one of them runs alone.
describe('prospects service: a prospect through the stages over HTTP', () => {
  let h: ProspectsHarness;
  let lineId: string;

  beforeAll(async () => {
    h = await startProspects();
    lineId = (await h.call('owner', 'GET', '/product-lines?limit=10')).body.items.find(
      (l: any) => l.code === 'software',
    ).id;
  });

  afterAll(async () => {
    await h?.stop();
  });

  describe('a prospect through the stages', () => {
    it('lets only a head of the unit assign, and only to a salesperson of the unit', async () => {
      const { id } = await aFreshProspect(h);
      const p = (await h.call('headA', 'GET', `/prospects/${id}`)).body;
      expect(
        (
          await h.call('sellerA', 'POST', `/prospects/${id}/assign`, {
            version: p.version,
            ownerId: h.people.sellerA.userId,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await h.call('headB', 'POST', `/prospects/${id}/assign`, {
            version: p.version,
            ownerId: h.people.sellerB.userId,
          })
        ).status,
      ).toBe(404);
      const wrongUnit = await h.call('headA', 'POST', `/prospects/${id}/assign`, {
        version: p.version,
        ownerId: h.people.sellerB.userId,
      });
      expect(wrongUnit.status).toBe(422);
      expect(wrongUnit.body.code).toBe('funnel.assignee_not_salesperson');
      const assigned = await h.call('headA', 'POST', `/prospects/${id}/assign`, {
        version: p.version,
        ownerId: h.people.sellerA.userId,
      });
      expect(assigned.body).toMatchObject({ ownerId: h.people.sellerA.userId, version: p.version + 1 });
      expect(
        (
          await h.call('headA', 'POST', `/prospects/${id}/assign`, {
            version: p.version,
            ownerId: h.people.sellerA2.userId,
          })
        ).status,
      ).toBe(409);
    });

    it('assigns many prospects at once, all or none', async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Pi Paper' }, { name: 'Rho Rail' }]);
      const items = prospects.map((p: any) => ({ id: p.id, version: p.version }));
      const stale = await h.call('headA', 'POST', '/prospects/assignments', {
        ownerId: h.people.sellerA2.userId,
        prospects: [items[0], { ...items[1], version: items[1].version + 5 }],
      });
      expect(stale.status).toBe(409);
      expect((await h.call('headA', 'GET', `/prospects/${items[0].id}`)).body.ownerId).toBeNull();
      expect(
        (
          await h.call('headB', 'POST', '/prospects/assignments', {
            ownerId: h.people.sellerB.userId,
            prospects: items,
          })
        ).status,
      ).toBe(404);
      const done = await h.call('headA', 'POST', '/prospects/assignments', {
        ownerId: h.people.sellerA2.userId,
        prospects: items,
      });
      expect(done.status).toBe(200);
      expect(done.body.map((p: any) => p.ownerId)).toEqual([h.people.sellerA2.userId, h.people.sellerA2.userId]);
      expect((await h.call('sellerA2', 'GET', '/prospects')).body.total).toBe(2);
    });

    it('shows a prospect only to its salesperson, its unit head and the owner', async () => {
      const { id, sampleId } = await aProspectAtPrimaryContactOwnedBySellerA(h);
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).status).toBe(200);
      expect((await h.call('sellerA2', 'GET', `/prospects/${id}`)).status).toBe(404);
      expect((await h.call('headB', 'GET', `/prospects/${id}`)).status).toBe(404);
      expect((await h.call('legal', 'GET', `/prospects/${id}`)).status).toBe(404);
      expect((await h.call('admin', 'GET', '/prospects')).status).toBe(403);
      // Seller A owns the prospects other tests walked too: the sample holds this one and its unassigned neighbour.
      const mine = await h.call('sellerA', 'GET', `/prospects?sampleId=${sampleId}`);
      expect(mine.body.items.map((p: any) => p.id)).toEqual([id]);
      expect((await h.call('headB', 'GET', '/prospects')).body.total).toBe(0);
      const filtered = await h.call(
        'headA',
        'GET',
        `/prospects?stage=primary_contact&ownerId=${h.people.sellerA.userId}&unitId=${h.unitA}&productLineId=${lineId}&sampleId=${sampleId}&limit=1`,
      );
      expect(filtered.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
      expect((await h.call('headA', 'GET', '/prospects?stage=nowhere')).status).toBe(400);
    });

    it('logs contact attempts without moving the stage', async () => {
      const { id } = await aProspectAtPrimaryContactOwnedBySellerA(h);
      const before = (await h.call('sellerA', 'GET', `/prospects/${id}`)).body;
      const attempt = await h.call('sellerA', 'POST', `/prospects/${id}/contact-attempts`, {
        channel: 'call',
        outcome: 'no_answer',
        note: 'Voicemail',
      });
      expect(attempt.status).toBe(201);
      expect(
        (await h.call('sellerA', 'POST', `/prospects/${id}/contact-attempts`, { channel: 'fax', outcome: 'no_answer' }))
          .status,
      ).toBe(400);
      const after = (await h.call('sellerA', 'GET', `/prospects/${id}`)).body;
      expect(after).toMatchObject({ stage: 'primary_contact', version: before.version });
      expect((await h.call('sellerA', 'GET', `/prospects/${id}/contact-attempts`)).body.total).toBe(1);
    });

    it('finishes primary contact only with a meeting scheduled with a described decision-maker', async () => {
      const { id } = await aProspectAtPrimaryContactOwnedBySellerA(h);
      const assistant = await h.call('sellerA', 'POST', `/prospects/${id}/contacts`, {
        name: 'Al Assistant',
        isDecisionMaker: false,
      });
      const vague = await h.call('sellerA', 'POST', `/prospects/${id}/contacts`, {
        name: 'Vic Vague',
        isDecisionMaker: true,
      });
      const dm = await h.call('sellerA', 'POST', `/prospects/${id}/contacts`, {
        name: 'Dana Moss',
        position: 'COO',
        isDecisionMaker: true,
        decisionReason: 'Signs supply contracts',
      });
      const dmId = dm.body.id;
      const when = '2026-02-01T10:00:00Z';
      const notDm = await h.call('sellerA', 'POST', `/prospects/${id}/meetings`, {
        contactId: assistant.body.id,
        scheduledAt: when,
      });
      expect([notDm.status, notDm.body.code]).toEqual([422, 'funnel.not_decision_maker']);
      const incomplete = await h.call('sellerA', 'POST', `/prospects/${id}/meetings`, {
        contactId: vague.body.id,
        scheduledAt: when,
      });
      expect([incomplete.status, incomplete.body.code]).toEqual([422, 'funnel.decision_maker_incomplete']);
      expect((await h.call('sellerA', 'GET', `/prospects/${id}/meetings`)).body).toHaveLength(0);

      const meeting = await h.call('sellerA', 'POST', `/prospects/${id}/meetings`, {
        contactId: dmId,
        scheduledAt: when,
      });
      expect(meeting.status).toBe(201);
      const p = (await h.call('sellerA', 'GET', `/prospects/${id}`)).body;
      expect(p.stage).toBe('needs_identification');
      const log = (await h.call('sellerA', 'GET', `/prospects/${id}/transitions`)).body;
      expect(log.at(-1)).toMatchObject({
        eventKind: 'meeting_scheduled',
        evidenceKind: 'meeting',
        evidenceId: meeting.body.id,
        ownerId: h.people.sellerA.userId,
        actorId: h.people.sellerA.userId,
        actorName: 'Sam Seller',
      });
      // The name comes from the directory copy, for every reader (the head reads the same history).
      const forHead = (await h.call('headA', 'GET', `/prospects/${id}/transitions`)).body;
      expect(forHead.map((e: any) => e.actorName)).toEqual(['Olga Owner', 'Sam Seller']);

      // Rescheduled then held: the history keeps every change.
      await h.call('sellerA', 'POST', `/prospects/${id}/meetings/${meeting.body.id}/reschedule`, {
        scheduledAt: '2026-02-03T10:00:00Z',
        reason: 'COO travelling',
      });
      const brief = await h.call('sellerA', 'PUT', `/prospects/${id}/brief`, {
        sections: FULL_SECTIONS,
        needs: [{ text: 'Cut ordering time' }],
      });
      const early = await h.call('sellerA', 'POST', `/prospects/${id}/brief/complete`, { version: brief.body.version });
      expect([early.status, early.body.code]).toEqual([422, 'funnel.meeting_not_held']);
      const held = await h.call('sellerA', 'POST', `/prospects/${id}/meetings/${meeting.body.id}/held`, {
        heldAt: '2026-02-03T11:00:00Z',
      });
      expect(held.body.status).toBe('held');
      expect(held.body.history.map((e: any) => e.action)).toEqual(['scheduled', 'rescheduled', 'held']);
      expect(held.body.history[1]).toMatchObject({
        previousScheduledAt: '2026-02-01T10:00:00.000Z',
        scheduledAt: '2026-02-03T10:00:00.000Z',
      });
      expect(
        (await h.call('sellerA', 'POST', `/prospects/${id}/meetings/${meeting.body.id}/cancel`, { reason: 'x' }))
          .status,
      ).toBe(409);
    });

    it('finishes needs identification only with a complete brief', async () => {
      const { id, needId } = await aProspectAtNeedsIdentificationOwnedBySellerA(h);
      const current = (await h.call('sellerA', 'GET', `/prospects/${id}/brief`)).body;
      const gap = await h.call('sellerA', 'PUT', `/prospects/${id}/brief`, {
        version: current.version,
        sections: { ...FULL_SECTIONS, market_trends: ' ' },
        needs: [{ id: needId, text: 'Cut ordering time' }],
      });
      expect(gap.body.needs[0].id).toBe(needId);
      const incomplete = await h.call('sellerA', 'POST', `/prospects/${id}/brief/complete`, {
        version: gap.body.version,
      });
      expect(incomplete.status).toBe(422);
      expect(incomplete.body).toMatchObject({
        code: 'funnel.brief_incomplete',
        details: { missingSections: ['market_trends'] },
      });
      const full = await h.call('sellerA', 'PUT', `/prospects/${id}/brief`, {
        version: gap.body.version,
        sections: FULL_SECTIONS,
        needs: gap.body.needs,
      });
      const done = await h.call('sellerA', 'POST', `/prospects/${id}/brief/complete`, { version: full.body.version });
      expect(done.status).toBe(200);
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body.stage).toBe('offer_formation');
    });

    it('forms an offer from the brief; a revision voids the pending approval; only the current request counts', async () => {
      const { id, needId } = await aProspectAtOfferFormationOwnedBySellerA(h);
      const unknownNeed = await h.call(
        'sellerA',
        'POST',
        `/prospects/${id}/offers`,
        offerTerms(['00000000-0000-4000-8000-00000000abcd']),
      );
      expect([unknownNeed.status, unknownNeed.body.code]).toEqual([422, 'funnel.offer_need_unknown']);
      expect(unknownNeed.body.fields.map((f: any) => f.field)).toEqual(['items[0].needIds']);
      // A draft may still lack needs; submit refuses it until every item addresses one.
      const stray = await h.call('sellerA', 'POST', `/prospects/${id}/offers`, offerTerms([]));
      expect(stray.status).toBe(201);
      expect(stray.body).toMatchObject({ status: 'draft', number: 1, totalMinor: 114_000, currency: 'EUR' });
      const offerId = stray.body.id;
      const second = await h.call('sellerA', 'POST', `/prospects/${id}/offers`, offerTerms([needId]));
      expect([second.status, second.body.code]).toEqual([409, 'funnel.offer_already_open']);
      const unaddressed = await h.call('sellerA', 'POST', `/offers/${offerId}/submit`, { version: stray.body.version });
      expect([unaddressed.status, unaddressed.body.code]).toEqual([422, 'funnel.offer_item_without_need']);

      const strayEdit = await h.call('sellerA', 'PATCH', `/offers/${offerId}`, {
        ...offerTerms([needId, '00000000-0000-4000-8000-00000000abcd']),
        version: stray.body.version,
      });
      expect([strayEdit.status, strayEdit.body.fields?.[0]?.field]).toEqual([422, 'items[0].needIds']);
      const fixed = await h.call('sellerA', 'PATCH', `/offers/${offerId}`, {
        ...offerTerms([needId]),
        version: stray.body.version,
      });
      const submitted = await h.call('sellerA', 'POST', `/offers/${offerId}/submit`, { version: fixed.body.version });
      expect(submitted.body.status).toBe('pending_approval');
      const first = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === submitted.body.approvalRequestId,
      )!;
      expect(first.payload).toMatchObject({
        subjectKind: 'offer',
        subjectId: offerId,
        subjectVersion: submitted.body.version,
        amount: 1140,
        discountPercent: 5,
        unitId: h.unitA,
      });
      expect(first.payload.snapshot.terms.items[0]).toEqual({
        productId: 'crm-pro',
        description: 'CRM licences',
        quantity: 10,
        unitPriceMinor: 12_000,
        currency: 'EUR',
      });

      // Edited while pending: the request is voided and the offer is a draft again.
      const revised = await h.call('sellerA', 'PATCH', `/offers/${offerId}`, {
        ...offerTerms([needId], { discountPercent: 20 }),
        version: submitted.body.version,
      });
      expect(revised.body).toMatchObject({ status: 'draft', approvalRequestId: null });
      expect((await h.outbox('approval.voided')).map((r) => r.payload.requestId)).toContain(first.payload.requestId);
      await h.deliver('approval.decided', decision(first.payload, 'approved', h.people.headA.userId));
      expect((await h.call('sellerA', 'GET', `/offers/${offerId}`)).body.status).toBe('draft');

      const resubmitted = await h.call('sellerA', 'POST', `/offers/${offerId}/submit`, {
        version: revised.body.version,
      });
      const again = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === resubmitted.body.approvalRequestId,
      )!;
      expect(again.payload.discountPercent).toBe(20);
      // The author approving their own offer is refused by the funnel's rules too.
      await h.deliver('approval.decided', decision(again.payload, 'approved', h.people.sellerA.userId));
      const refused = (await h.call('sellerA', 'GET', `/offers/${offerId}`)).body;
      expect(refused.status).toBe('rejected');
      expect(refused.decisionComment).toContain('cannot be approved by anyone who wrote it');
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body.stage).toBe('offer_formation');

      const third = await h.call('sellerA', 'POST', `/offers/${offerId}/submit`, { version: refused.version });
      const request3 = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === third.body.approvalRequestId,
      )!;
      await h.deliver('approval.decided', decision(request3.payload, 'approved', h.people.headA.userId, 'Fine'));
      expect((await h.call('sellerA', 'GET', `/offers/${offerId}`)).body).toMatchObject({
        status: 'approved',
        decidedBy: h.people.headA.userId,
      });
      const p = (await h.call('sellerA', 'GET', `/prospects/${id}`)).body;
      expect(p).toMatchObject({ stage: 'offer_defence', approvedOfferId: offerId });
      expect(
        (await h.call('sellerA', 'PATCH', `/offers/${offerId}`, { ...offerTerms([needId]), version: 99 })).status,
      ).toBe(409);
    });

    it('refuses an e-mail defence with a reason and changes nothing, then hands over on an accepted defence', async () => {
      // The offer as the previous stage left it: revised to a 20% discount, then approved.
      const { id, offerId, contactId: dmId } = await aProspectAtOfferDefenceOwnedBySellerA(h, { discountPercent: 20 });
      const defence = { heldAt: '2026-03-01T10:00:00Z', attendeeContactIds: [dmId], outcome: 'accepted' };
      const email = await h.call('sellerA', 'POST', `/offers/${offerId}/defences`, { ...defence, channel: 'email' });
      expect(email.status).toBe(422);
      expect(email.body.code).toBe('funnel.defence_channel_refused');
      expect(email.body.message).toContain('never defended by e-mail');
      const phone = await h.call('sellerA', 'POST', `/offers/${offerId}/defences`, { ...defence, channel: 'phone' });
      expect([phone.status, phone.body.code]).toEqual([422, 'funnel.defence_channel_refused']);
      expect((await h.call('sellerA', 'GET', `/offers/${offerId}/defences`)).body).toHaveLength(0);
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body.stage).toBe('offer_defence');

      const accepted = await h.call('sellerA', 'POST', `/offers/${offerId}/defences`, { ...defence, channel: 'video' });
      expect(accepted.status).toBe(201);
      expect(accepted.body.attendees).toEqual([{ contactId: dmId, isDecisionMaker: true }]);
      const p = (await h.call('sellerA', 'GET', `/prospects/${id}`)).body;
      expect(p).toMatchObject({ stage: 'contract', status: 'active' });
      expect((await h.call('sellerA', 'GET', `/offers/${offerId}`)).body.status).toBe('accepted');

      const [defended] = (await h.outbox('offer.defended')).filter((r) => r.payload.prospectId === id);
      expect(defended.payload).toMatchObject({
        offerId,
        defenceId: accepted.body.id,
        salespersonId: h.people.sellerA.userId,
        unitId: h.unitA,
        productLineId: lineId,
        defendedAt: '2026-03-01T10:00:00.000Z',
        terms: {
          items: [
            {
              productId: 'crm-pro',
              description: 'CRM licences',
              quantity: 10,
              unitPriceMinor: 12_000,
              currency: 'EUR',
            },
          ],
          paymentDays: 30,
          delivery: { text: 'Remote onboarding', days: 14 },
          discountPercent: 20,
          validUntil: '2027-03-31',
          clauses: ['standard-sla'],
        },
      });

      // The salesperson leaves the deal: read-only from now on; legal may look.
      const write = await h.call('sellerA', 'POST', `/prospects/${id}/contacts`, {
        name: 'New',
        isDecisionMaker: false,
      });
      expect([write.status, write.body.code]).toEqual([403, 'funnel.read_only_access']);
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).status).toBe(200);
      expect((await h.call('legal', 'GET', `/prospects/${id}`)).status).toBe(200);
    });

    it('becomes won when contracts reports the signature, once', async () => {
      const { id, offerId } = await aProspectAtContractOwnedBySellerA(h);
      const caseId = '11111111-1111-4111-8111-111111111111';
      const signed = {
        caseId,
        prospectId: id,
        offerId,
        salespersonId: h.people.sellerA.userId,
        unitId: h.unitA,
        signedAt: '2026-04-01T09:00:00.000Z',
        signedBy: h.people.legal.userId,
      };
      await h.deliver('contract.signed', signed);
      await h.deliver('contract.signed', signed);
      expect((await h.call('owner', 'GET', `/prospects/${id}`)).body).toMatchObject({
        stage: 'contract',
        status: 'won',
      });
      const log = (await h.call('owner', 'GET', `/prospects/${id}/transitions`)).body;
      expect(log.filter((e: any) => e.eventKind === 'contract_signed')).toEqual([
        expect.objectContaining({
          toStatus: 'won',
          evidenceKind: 'contract',
          evidenceId: caseId,
          actorId: h.people.legal.userId,
          actorName: 'Lena Lawyer',
          at: '2026-04-01T09:00:00.000Z',
        }),
      ]);
      expect(log.map((e: any) => e.toStage)).toEqual([
        'primary_contact',
        'needs_identification',
        'offer_formation',
        'offer_defence',
        'contract',
        'contract',
      ]);
    });

    // Last in the file: it takes legal out of the directory copy for good.
    it('names no one the directory copy does not know (the actor id stays)', async () => {
      const { id } = await aWonProspectOfSellerA(h);
      await h.dataSource.query('DELETE FROM directory_user WHERE user_id = $1', [h.people.legal.userId]);
      const log = (await h.call('owner', 'GET', `/prospects/${id}/transitions`)).body;
      expect(log.find((e: any) => e.eventKind === 'contract_signed')).toMatchObject({
        actorId: h.people.legal.userId,
        actorName: null,
      });
      expect(log[0].actorName).toEqual(expect.any(String));
    });
  });
});
