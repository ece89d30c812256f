/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { decision, ProspectsHarness, startProspects } from '../../test/prospects-harness';
import { approvedProspects, offerTerms, walkToDefence } from '../../test/funnel-walk';

// One service and one database for the file; the approvals side is simulated by delivering `approval.decided`
// straight to the handler inside a transaction, as the dispatcher does.
describe('prospects service: objections, offer revisions, lost and reopen over HTTP', () => {
  let h: ProspectsHarness;

  beforeAll(async () => {
    h = await startProspects();
  });

  afterAll(async () => {
    await h?.stop();
  });

  describe('objections, revisions, lost and reopen', () => {
    it('sends the deal back for a new offer version on requested changes; revising an approved offer voids it', async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Kappa Logistics' }]);
      const id = prospects[0].id;
      const { contactId, offerId, needId } = await walkToDefence(h, id);
      const objection = await h.call('sellerA', 'POST', `/offers/${offerId}/defences`, {
        heldAt: '2026-03-02T10:00:00Z',
        channel: 'in_person',
        attendeeContactIds: [contactId],
        outcome: 'changes_requested',
      });
      expect(objection.status).toBe(201);
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body).toMatchObject({
        stage: 'offer_formation',
        approvedOfferId: null,
      });
      const old = (await h.call('sellerA', 'GET', `/offers/${offerId}`)).body;
      expect(old.status).toBe('changes_requested');

      const v2 = await h.call('sellerA', 'POST', `/offers/${offerId}/revisions`, { version: old.version });
      expect(v2.body).toMatchObject({ status: 'draft', number: 2, previousOfferId: offerId });
      const submitted = await h.call('sellerA', 'POST', `/offers/${v2.body.id}/submit`, { version: v2.body.version });
      const request = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === submitted.body.approvalRequestId,
      )!;
      await h.deliver('approval.decided', decision(request.payload, 'approved', h.people.owner.userId));
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body.stage).toBe('offer_defence');

      // The old version cannot be defended any more; revising the approved one voids its approval.
      const oldDefence = await h.call('sellerA', 'POST', `/offers/${offerId}/defences`, {
        heldAt: '2026-03-03T10:00:00Z',
        channel: 'video',
        attendeeContactIds: [contactId],
        outcome: 'accepted',
      });
      expect([oldDefence.status, oldDefence.body.code]).toEqual([409, 'funnel.offer_not_approved']);
      const approved = (await h.call('sellerA', 'GET', `/offers/${v2.body.id}`)).body;
      const v3 = await h.call('sellerA', 'POST', `/offers/${v2.body.id}/revisions`, { version: approved.version });
      expect(v3.body.number).toBe(3);
      expect((await h.call('sellerA', 'GET', `/offers/${v2.body.id}`)).body.status).toBe('superseded');
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body).toMatchObject({
        stage: 'offer_formation',
        approvedOfferId: null,
      });
      const log = (await h.call('sellerA', 'GET', `/prospects/${id}/transitions`)).body;
      expect(log.at(-1)).toMatchObject({
        eventKind: 'offer_revised',
        fromStage: 'offer_defence',
        toStage: 'offer_formation',
        evidenceId: v3.body.id,
      });
      expect(needId).toBeDefined();
    });

    it('loses the prospect when the offer is rejected at its defence', async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Mu Metals' }]);
      const id = prospects[0].id;
      const { contactId, offerId } = await walkToDefence(h, id);
      const rejected = await h.call('sellerA', 'POST', `/offers/${offerId}/defences`, {
        heldAt: '2026-03-05T10:00:00Z',
        channel: 'in_person',
        attendeeContactIds: [contactId],
        outcome: 'rejected',
      });
      expect(rejected.status).toBe(201);
      expect((await h.call('headA', 'GET', `/prospects/${id}`)).body).toMatchObject({
        stage: 'offer_defence',
        status: 'lost',
        lostReason: { code: 'offer_rejected', note: null },
      });
      expect((await h.call('headA', 'GET', `/offers/${offerId}`)).body.status).toBe('declined');
      const log = (await h.call('headA', 'GET', `/prospects/${id}/transitions`)).body;
      expect(log.at(-1)).toMatchObject({
        eventKind: 'defence_recorded',
        toStatus: 'lost',
        evidenceKind: 'defence',
        evidenceId: rejected.body.id,
        lostReasonCode: 'offer_rejected',
      });
      expect((await h.outbox('offer.defended')).filter((r) => r.payload.prospectId === id)).toHaveLength(0);
    });

    it("applies a delegate's approval as the approver's, but never the author's own", async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Xi Exports' }, { name: 'Omicron Oils' }]);
      // Another salesperson stands in for the head of unit A: the approval moves the prospect on.
      await walkToDefence(h, prospects[1].id, {
        decidedBy: h.people.sellerA2.userId,
        onBehalfOf: h.people.headA.userId,
      });
      expect((await h.call('headA', 'GET', `/prospects/${prospects[1].id}`)).body.stage).toBe('offer_defence');
      // The author approving "on behalf of" the head is still the author.
      const { offerId } = await walkToDefence(h, prospects[0].id, {
        decidedBy: h.people.sellerA.userId,
        onBehalfOf: h.people.headA.userId,
      });
      expect((await h.call('headA', 'GET', `/offers/${offerId}`)).body.status).toBe('rejected');
      expect((await h.call('headA', 'GET', `/prospects/${prospects[0].id}`)).body.stage).toBe('offer_formation');
    });

    it('never lets someone who edited the offer approve it', async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Sigma Steel' }]);
      const id = prospects[0].id;
      const { offerId, needId } = await walkToDefence(h, id);
      const approved = (await h.call('sellerA', 'GET', `/offers/${offerId}`)).body;
      const draft = (await h.call('sellerA', 'POST', `/offers/${offerId}/revisions`, { version: approved.version }))
        .body;
      // The head rewrites the seller's draft, then the seller submits it.
      const edited = await h.call('headA', 'PATCH', `/offers/${draft.id}`, {
        ...offerTerms([needId], { discountPercent: 12 }),
        version: draft.version,
      });
      expect(edited.body.contributorIds.sort()).toEqual([h.people.headA.userId, h.people.sellerA.userId].sort());
      const submitted = await h.call('sellerA', 'POST', `/offers/${draft.id}/submit`, { version: edited.body.version });
      const request = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === submitted.body.approvalRequestId,
      )!;
      expect(request.payload.snapshot.authorIds.sort()).toEqual(
        [h.people.headA.userId, h.people.sellerA.userId].sort(),
      );
      await h.deliver('approval.decided', decision(request.payload, 'approved', h.people.headA.userId));
      const refused = (await h.call('sellerA', 'GET', `/offers/${draft.id}`)).body;
      expect(refused.status).toBe('rejected');
      expect(refused.decisionComment).toContain('anyone who wrote it');
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).body.stage).toBe('offer_formation');
      // The approvals service is told, so its approval becomes a rejection with the same reason.
      expect(
        (await h.outbox('approval.overruled'))
          .filter((r) => r.payload.requestId === request.payload.requestId)
          .map((r) => r.payload.reason),
      ).toEqual([refused.decisionComment]);
    });

    it('refuses to submit an offer whose validity date has passed', async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Nu Networks' }]);
      const id = prospects[0].id;
      const { offerId } = await walkToDefence(h, id);
      const approved = (await h.call('sellerA', 'GET', `/offers/${offerId}`)).body;
      const draft = (await h.call('sellerA', 'POST', `/offers/${offerId}/revisions`, { version: approved.version }))
        .body;
      const edited = await h.call('sellerA', 'PATCH', `/offers/${draft.id}`, {
        ...offerTerms(draft.items[0].needIds, { validUntil: '2020-01-31' }),
        version: draft.version,
      });
      const expired = await h.call('sellerA', 'POST', `/offers/${draft.id}/submit`, { version: edited.body.version });
      expect([expired.status, expired.body.code]).toEqual([422, 'funnel.offer_terms_invalid']);
      expect((await h.call('sellerA', 'GET', `/offers/${draft.id}`)).body.status).toBe('draft');
    });

    it('loses a prospect with a configured reason and lets a head reopen it where it was', async () => {
      const { prospects } = await approvedProspects(h, [{ name: 'Lambda Tools' }]);
      const id = prospects[0].id;
      let p = (await h.call('headA', 'GET', `/prospects/${id}`)).body;
      p = (
        await h.call('headA', 'POST', `/prospects/${id}/assign`, {
          version: p.version,
          ownerId: h.people.sellerA.userId,
        })
      ).body;
      const reasons = await h.call('sellerA', 'GET', '/prospects/lost-reasons');
      expect(reasons.body.map((r: any) => r.code)).toContain('no_budget');

      const unknown = await h.call('sellerA', 'POST', `/prospects/${id}/lose`, {
        version: p.version,
        reasonCode: 'bored',
      });
      expect([unknown.status, unknown.body.code]).toEqual([422, 'funnel.lost_reason_unknown']);
      const noNote = await h.call('sellerA', 'POST', `/prospects/${id}/lose`, {
        version: p.version,
        reasonCode: 'other',
      });
      expect([noNote.status, noNote.body.code]).toEqual([422, 'funnel.lost_reason_note_required']);
      const stale = await h.call('sellerA', 'POST', `/prospects/${id}/lose`, {
        version: p.version - 1,
        reasonCode: 'no_budget',
      });
      expect(stale.status).toBe(409);
      // Two writers with the same version: exactly one wins, the other gets 409 and changes nothing.
      const race = await Promise.all(
        ['no_response', 'not_a_fit'].map((reasonCode) =>
          h.call('headA', 'POST', `/prospects/${id}/lose`, { version: p.version, reasonCode }),
        ),
      );
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = race.find((r) => r.status === 200)!.body;
      expect(
        (await h.call('headA', 'GET', `/prospects/${id}/transitions`)).body.filter((e: any) => e.eventKind === 'lost'),
      ).toHaveLength(1);
      p = (await h.call('headA', 'POST', `/prospects/${id}/reopen`, { version: winner.version })).body;
      const lost = await h.call('sellerA', 'POST', `/prospects/${id}/lose`, {
        version: p.version,
        reasonCode: 'other',
        note: 'Merged with a competitor',
      });
      expect(lost.body).toMatchObject({
        status: 'lost',
        stage: 'primary_contact',
        lostReason: { code: 'other', note: 'Merged with a competitor' },
      });

      expect(
        (await h.call('sellerA', 'POST', `/prospects/${id}/contact-attempts`, { channel: 'call', outcome: 'reached' }))
          .status,
      ).toBe(403);
      expect((await h.call('sellerA', 'POST', `/prospects/${id}/reopen`, { version: lost.body.version })).status).toBe(
        403,
      );
      const reopened = await h.call('headA', 'POST', `/prospects/${id}/reopen`, { version: lost.body.version });
      expect(reopened.body).toMatchObject({ status: 'active', stage: 'primary_contact', lostReason: null });
      const log = (await h.call('headA', 'GET', `/prospects/${id}/transitions`)).body;
      expect(log.slice(-2)).toEqual([
        expect.objectContaining({
          eventKind: 'lost',
          toStatus: 'lost',
          lostReasonCode: 'other',
          lostReasonNote: 'Merged with a competitor',
        }),
        expect.objectContaining({
          eventKind: 'reopened',
          fromStatus: 'lost',
          toStatus: 'active',
          actorId: h.people.headA.userId,
        }),
      ]);
      const statuses = (await h.outbox('prospect.stage_changed'))
        .filter((r) => r.payload.prospectId === id)
        .map((r) => r.payload.status);
      expect(statuses).toEqual(['active', 'lost', 'active', 'lost', 'active']);

      // A retired reason is no longer offered.
      expect(
        (
          await h.call('admin', 'PUT', '/prospects/lost-reasons/no_budget', {
            label: 'No budget',
            noteRequired: false,
            active: false,
          })
        ).status,
      ).toBe(200);
      const retired = await h.call('sellerA', 'POST', `/prospects/${id}/lose`, {
        version: reopened.body.version,
        reasonCode: 'no_budget',
      });
      expect(retired.body.code).toBe('funnel.lost_reason_unknown');
    });
  });
});
