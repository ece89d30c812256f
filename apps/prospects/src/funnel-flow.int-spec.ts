/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { decision, ProspectsHarness, startProspects } from '../test/prospects-harness';
import { FULL_SECTIONS, approvedProspects, offerTerms, walkToDefence } from '../test/funnel-walk';

// One service, one database for the file; the approvals side is simulated by delivering `approval.decided`
// straight to the handler inside a transaction, as the dispatcher does.
describe('prospects service: the funnel over HTTP', () => {
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

  describe('product lines', () => {
    it('ships the presets and validates new lines against their cycle', async () => {
      const list = await h.call('sellerA', 'GET', '/product-lines');
      expect(list.body.items.map((l: any) => l.code).sort()).toEqual([
        'industrial_equipment',
        'professional_services',
        'software',
        'supplies',
      ]);
      const software = list.body.items.find((l: any) => l.code === 'software');
      expect(software.cycleDays).toEqual({ min: 120, max: 150 });

      const limits = {
        sampling: 1,
        primary_contact: 1,
        needs_identification: 1,
        offer_formation: 1,
        offer_defence: 1,
        contract: 1,
      };
      const tooShort = await h.call('admin', 'POST', '/product-lines', {
        name: 'Boats',
        cycleDays: { min: 100, max: 200 },
        stageLimitDays: limits,
      });
      expect(tooShort.status).toBe(422);
      expect(tooShort.body.code).toBe('funnel.product_line_invalid');

      const missing = await h.call('admin', 'POST', '/product-lines', {
        cycleDays: { min: 5, max: 10 },
        stageLimitDays: limits,
      });
      expect(missing.status).toBe(400);
      expect(missing.body.fields.map((f: any) => f.field)).toContain('name');

      expect(
        (
          await h.call('sellerA', 'POST', '/product-lines', {
            name: 'X',
            cycleDays: { min: 6, max: 6 },
            stageLimitDays: limits,
          })
        ).status,
      ).toBe(403);

      const created = await h.call('admin', 'POST', '/product-lines', {
        name: 'Boats',
        cycleDays: { min: 6, max: 10 },
        stageLimitDays: limits,
      });
      expect(created.status).toBe(201);
      const body = { name: 'Boats & sails', cycleDays: { min: 6, max: 10 }, stageLimitDays: limits };
      expect((await h.call('owner', 'PUT', `/product-lines/${created.body.id}`, { ...body, version: 1 })).status).toBe(
        200,
      );
      const stale = await h.call('owner', 'PUT', `/product-lines/${created.body.id}`, { ...body, version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('version_conflict');
    });
  });

  describe('target samples', () => {
    it('refuses a sample without a rationale, reports every uploaded row, and asks the owner to approve it', async () => {
      const noUnit = await h.call('owner', 'POST', '/samples', {
        productLineId: lineId,
        title: 'Retail',
        rationale: 'Chains',
      });
      expect([noUnit.status, noUnit.body.code]).toEqual([422, 'funnel.unit_required']);
      const unknownUnit = await h.call('owner', 'POST', '/samples', {
        productLineId: lineId,
        title: 'Retail',
        rationale: 'Chains',
        unitId: '00000000-0000-4000-8000-000000000999',
      });
      expect([unknownUnit.status, unknownUnit.body.code]).toEqual([422, 'funnel.unit_required']);
      const blank = await h.call('headA', 'POST', '/samples', {
        productLineId: lineId,
        title: 'Retail',
        rationale: '   ',
      });
      expect(blank.status).toBe(422);
      expect(blank.body.code).toBe('funnel.sample_rationale_required');

      const sample = await h.call('headA', 'POST', '/samples', {
        productLineId: lineId,
        title: 'Retail',
        rationale: 'Chains with 10+ shops',
      });
      expect(sample.body).toMatchObject({ status: 'draft', unitId: h.unitA, authorId: h.people.headA.userId });

      const json = await h.call('headA', 'POST', `/samples/${sample.body.id}/companies`, {
        companies: [
          { name: 'Acme Retail LLC', taxId: 'DE 123-456-789', website: 'https://www.acme-retail.com/shops' },
          { name: '', website: 'not a site' },
          { name: 'ACME retail', taxId: '99887766' },
        ],
      });
      expect(json.status).toBe(201);
      expect(json.body).toMatchObject({ accepted: 1, rejected: 2 });
      expect(json.body.rows[1].reasons.map((r: any) => r.code)).toEqual(['name_required', 'website_invalid']);
      expect(json.body.rows[2].reasons.map((r: any) => r.code)).toEqual(['duplicate_in_file']);

      const csv =
        'Company,Tax ID,Website\n"Beta Stores, Inc",55544433,beta.example\nGamma,,acme-retail.com\n\nDelta Foods,,delta.example\n';
      const upload = await h.upload('headA', `/samples/${sample.body.id}/companies/csv`, csv);
      expect(upload.status).toBe(201);
      expect(upload.body).toMatchObject({ accepted: 2, rejected: 1 });
      expect(upload.body.rows.find((r: any) => r.row === 3)).toMatchObject({
        status: 'rejected',
        reasons: [{ code: 'duplicate_existing', duplicate: { matchedBy: 'domain' } }],
      });

      const badCsv = await h.upload('headA', `/samples/${sample.body.id}/companies/csv`, 'title,city\nx,y\n');
      expect(badCsv.status).toBe(422);
      expect(badCsv.body.code).toBe('funnel.csv_header_invalid');

      // Foreign unit and other salespeople never see it.
      expect((await h.call('headB', 'GET', `/samples/${sample.body.id}`)).status).toBe(404);
      expect((await h.call('sellerA', 'GET', `/samples/${sample.body.id}`)).status).toBe(404);

      const version = upload.body.sample.version;
      expect(
        (await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, { version: version - 1 })).status,
      ).toBe(409);
      const submitted = await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, { version });
      expect(submitted.body.status).toBe('pending_approval');
      const [request] = (await h.outbox('approval.requested')).filter((r) => r.payload.subjectId === sample.body.id);
      expect(request.payload).toMatchObject({
        subjectKind: 'target_sample',
        subjectVersion: submitted.body.version,
        requesterId: h.people.headA.userId,
        unitId: h.unitA,
        requestId: submitted.body.approvalRequestId,
      });
      expect(request.payload.snapshot.rationale).toBe('Chains with 10+ shops');
      expect(request.payload.snapshot.companies.map((c: any) => c.name).sort()).toEqual([
        'Acme Retail LLC',
        'Beta Stores, Inc',
        'Delta Foods',
      ]);
      // A pending sample is frozen.
      expect(
        (await h.call('headA', 'PATCH', `/samples/${sample.body.id}`, { version: submitted.body.version, title: 'x' }))
          .status,
      ).toBe(409);

      // A decision about an older version of the subject is ignored.
      await h.deliver(
        'approval.decided',
        decision({ ...request.payload, subjectVersion: 1 }, 'approved', h.people.owner.userId),
      );
      expect((await h.call('headA', 'GET', `/samples/${sample.body.id}`)).body.status).toBe('pending_approval');

      // The owner rejects: back to draft with the comment.
      await h.deliver(
        'approval.decided',
        decision(request.payload, 'rejected', h.people.owner.userId, 'Add the segment size'),
      );
      const rejected = await h.call('headA', 'GET', `/samples/${sample.body.id}`);
      expect(rejected.body).toMatchObject({ status: 'draft', decisionComment: 'Add the segment size' });
      expect((await h.call('owner', 'GET', `/prospects?sampleId=${sample.body.id}`)).body.total).toBe(0);

      // Resubmitted; a sales head's approval breaks the funnel's rule (only the owner approves samples).
      const again = await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, {
        version: rejected.body.version,
      });
      const second = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === again.body.approvalRequestId,
      )!;
      await h.deliver('approval.decided', decision(second.payload, 'approved', h.people.headB.userId));
      const refused = await h.call('headA', 'GET', `/samples/${sample.body.id}`);
      expect(refused.body.status).toBe('draft');
      expect(refused.body.decisionComment).toContain('Only the owner may approve a target sample');

      const third = await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, {
        version: refused.body.version,
      });
      const request3 = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === third.body.approvalRequestId,
      )!;
      await h.deliver('approval.decided', decision(request3.payload, 'approved', h.people.owner.userId, 'Go'));
      expect((await h.call('headA', 'GET', `/samples/${sample.body.id}`)).body.status).toBe('approved');

      const prospects = await h.call('headA', 'GET', `/prospects?sampleId=${sample.body.id}`);
      expect(prospects.body.total).toBe(3);
      for (const p of prospects.body.items) {
        expect(p).toMatchObject({
          stage: 'primary_contact',
          status: 'active',
          unitId: h.unitA,
          ownerId: null,
          productLineId: lineId,
        });
        const log = await h.call('headA', 'GET', `/prospects/${p.id}/transitions`);
        expect(log.body).toEqual([
          expect.objectContaining({
            eventKind: 'sample_approved',
            fromStage: 'sampling',
            toStage: 'primary_contact',
            actorId: h.people.owner.userId,
            evidenceKind: 'sample',
            evidenceId: sample.body.id,
            unitId: h.unitA,
            productLineId: lineId,
          }),
        ]);
      }
      const changed = (await h.outbox('prospect.stage_changed')).filter((r) =>
        prospects.body.items.some((p: any) => p.id === r.payload.prospectId),
      );
      expect(changed).toHaveLength(3);
      expect(changed[0].payload).toMatchObject({
        fromStage: 'sampling',
        toStage: 'primary_contact',
        status: 'active',
        eventKind: 'sample_approved',
      });

      // Their companies are now duplicates for any new sample.
      const next = await h.call('headA', 'POST', '/samples', {
        productLineId: lineId,
        title: 'More',
        rationale: 'Same segment',
      });
      const dup = await h.call('headA', 'POST', `/samples/${next.body.id}/companies`, {
        companies: [{ name: 'Delta Foods GmbH' }],
      });
      expect(dup.body.rows[0].reasons[0]).toMatchObject({
        code: 'duplicate_existing',
        duplicate: { matchedBy: 'name' },
      });
    });
  });

  describe('a prospect through the stages', () => {
    let id: string;
    let dmId: string;
    let needId: string;
    let offerId: string;

    beforeAll(async () => {
      const { prospects } = await approvedProspects(h, [
        { name: 'Omega Trade', taxId: '11122233344' },
        { name: 'Sigma Foods' },
      ]);
      id = prospects[0].id;
    });

    it('lets only a head of the unit assign, and only to a salesperson of the unit', async () => {
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

    it('shows a prospect only to its salesperson, its unit head and the owner', async () => {
      expect((await h.call('sellerA', 'GET', `/prospects/${id}`)).status).toBe(200);
      expect((await h.call('sellerA2', 'GET', `/prospects/${id}`)).status).toBe(404);
      expect((await h.call('headB', 'GET', `/prospects/${id}`)).status).toBe(404);
      expect((await h.call('legal', 'GET', `/prospects/${id}`)).status).toBe(404);
      expect((await h.call('admin', 'GET', '/prospects')).status).toBe(403);
      const mine = await h.call('sellerA', 'GET', '/prospects');
      expect(mine.body.items.map((p: any) => p.id)).toEqual([id]);
      expect((await h.call('headB', 'GET', '/prospects')).body.total).toBe(0);
      const filtered = await h.call(
        'headA',
        'GET',
        `/prospects?stage=primary_contact&ownerId=${h.people.sellerA.userId}&unitId=${h.unitA}&productLineId=${lineId}&limit=1`,
      );
      expect(filtered.body).toMatchObject({ total: 1, limit: 1, offset: 0 });
      expect((await h.call('headA', 'GET', '/prospects?stage=nowhere')).status).toBe(400);
    });

    it('logs contact attempts without moving the stage', async () => {
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
      dmId = dm.body.id;
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
      });

      // Rescheduled then held: the history keeps every change.
      await h.call('sellerA', 'POST', `/prospects/${id}/meetings/${meeting.body.id}/reschedule`, {
        scheduledAt: '2026-02-03T10:00:00Z',
        reason: 'COO travelling',
      });
      const brief = await h.call('sellerA', 'PUT', `/prospects/${id}/brief`, {
        sections: FULL_SECTIONS,
        needs: [{ text: 'Cut ordering time' }],
      });
      needId = brief.body.needs[0].id;
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
      const stray = await h.call(
        'sellerA',
        'POST',
        `/prospects/${id}/offers`,
        offerTerms(['00000000-0000-4000-8000-00000000abcd']),
      );
      expect(stray.status).toBe(201);
      expect(stray.body).toMatchObject({ status: 'draft', number: 1, totalMinor: 114_000, currency: 'EUR' });
      offerId = stray.body.id;
      const second = await h.call('sellerA', 'POST', `/prospects/${id}/offers`, offerTerms([needId]));
      expect([second.status, second.body.code]).toEqual([409, 'funnel.offer_already_open']);
      const unaddressed = await h.call('sellerA', 'POST', `/offers/${offerId}/submit`, { version: stray.body.version });
      expect([unaddressed.status, unaddressed.body.code]).toEqual([422, 'funnel.offer_item_without_need']);

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
      expect(refused.decisionComment).toContain('cannot be approved by its own author');
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
      const caseId = '11111111-1111-4111-8111-111111111111';
      const signed = {
        caseId,
        prospectId: id,
        offerId,
        salespersonId: h.people.sellerA.userId,
        unitId: h.unitA,
        signedAt: '2026-04-01T09:00:00.000Z',
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
          actorId: null,
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
