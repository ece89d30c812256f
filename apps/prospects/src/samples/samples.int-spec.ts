/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { decision, ProspectsHarness, startProspects } from '../../test/prospects-harness';

// One service and one database for the file; the approvals side is simulated by delivering `approval.decided`
// straight to the handler inside a transaction, as the dispatcher does.
describe('prospects service: product lines and target samples over HTTP', () => {
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
      expect(dup.status).toBe(422);
      expect(dup.body.details.rows[0].reasons[0]).toMatchObject({
        code: 'duplicate_existing',
        duplicate: { matchedBy: 'name' },
      });
    });
  });

  it('refuses an upload where every row is rejected with 422 and the per-row report, changing nothing', async () => {
    const sample = await h.call('headA', 'POST', '/samples', {
      productLineId: lineId,
      title: 'Nothing good',
      rationale: 'Every row is broken',
    });
    const json = await h.call('headA', 'POST', `/samples/${sample.body.id}/companies`, {
      companies: [{ name: '' }, { name: 'Chi Tools', website: 'not a site' }],
    });
    expect([json.status, json.body.code]).toEqual([422, 'funnel.no_company_accepted']);
    expect(json.body.fields.map((f: any) => f.field)).toEqual(['companies[0]', 'companies[1]']);
    expect(json.body.details.rows.map((r: any) => r.status)).toEqual(['rejected', 'rejected']);

    const csv = await h.upload(
      'headA',
      `/samples/${sample.body.id}/companies/csv`,
      'name,website\n,psi.example\nPsi,bad site\n',
    );
    expect([csv.status, csv.body.code]).toEqual([422, 'funnel.no_company_accepted']);
    expect(csv.body.fields.map((f: any) => f.field)).toEqual(['row 2', 'row 3']);

    const after = (await h.call('headA', 'GET', `/samples/${sample.body.id}`)).body;
    expect(after).toMatchObject({ version: sample.body.version, companies: [] });
  });

  it("gives an approved salesperson's sample to its author; a head's sample waits for assignment", async () => {
    const approve = async (who: 'sellerA' | 'headA', company: string) => {
      const sample = await h.call(who, 'POST', '/samples', {
        productLineId: lineId,
        title: company,
        rationale: 'Found',
      });
      const added = await h.call(who, 'POST', `/samples/${sample.body.id}/companies`, {
        companies: [{ name: company }],
      });
      const submitted = await h.call(who, 'POST', `/samples/${sample.body.id}/submit`, {
        version: added.body.sample.version,
      });
      const request = (await h.outbox('approval.requested')).find(
        (r) => r.payload.requestId === submitted.body.approvalRequestId,
      )!;
      await h.deliver('approval.decided', decision(request.payload, 'approved', h.people.owner.userId));
      return (await h.call('owner', 'GET', `/prospects?sampleId=${sample.body.id}`)).body.items[0];
    };
    const sellers = await approve('sellerA', 'Kappa Kilns');
    expect(sellers.ownerId).toBe(h.people.sellerA.userId);
    const [entry] = (await h.call('sellerA', 'GET', `/prospects/${sellers.id}/transitions`)).body;
    expect(entry).toMatchObject({ eventKind: 'sample_approved', ownerId: h.people.sellerA.userId });
    const heads = await approve('headA', 'Lambda Looms');
    expect(heads.ownerId).toBeNull();
  });

  it('never lets the owner approve a sample they changed', async () => {
    const sample = await h.call('headA', 'POST', '/samples', {
      productLineId: lineId,
      title: 'Ports',
      rationale: 'Port operators',
    });
    // The owner adds a company to the head's sample: the owner is now one of its authors.
    const added = await h.call('owner', 'POST', `/samples/${sample.body.id}/companies`, {
      companies: [{ name: 'Tau Terminals' }],
    });
    const submitted = await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, {
      version: added.body.sample.version,
    });
    const request = (await h.outbox('approval.requested')).find(
      (r) => r.payload.requestId === submitted.body.approvalRequestId,
    )!;
    expect(request.payload.snapshot.authorIds.sort()).toEqual([h.people.headA.userId, h.people.owner.userId].sort());
    await h.deliver('approval.decided', decision(request.payload, 'approved', h.people.owner.userId));
    const refused = (await h.call('headA', 'GET', `/samples/${sample.body.id}`)).body;
    expect(refused.status).toBe('draft');
    expect(refused.decisionComment).toContain('anyone who wrote it');
    expect((await h.call('owner', 'GET', `/prospects?sampleId=${sample.body.id}`)).body.total).toBe(0);
    // The approvals service is told, so the approval becomes a rejection there too (one authority per decision).
    const overruled = (await h.outbox('approval.overruled')).filter(
      (r) => r.payload.requestId === submitted.body.approvalRequestId,
    );
    expect(overruled).toEqual([
      expect.objectContaining({ payload: expect.objectContaining({ reason: refused.decisionComment }) }),
    ]);
  });

  it('sorts the list by an allowed field either way, keeps the latest change first without sort, refuses others', async () => {
    const made: Record<string, string> = {};
    // Written in this order, with these many companies, so each sort below gives a different order.
    for (const [title, companies] of [
      ['Sort Beta', 3],
      ['Sort alpha', 1],
      ['Sort Gamma', 2],
    ] as const) {
      const sample = await h.call('headA', 'POST', '/samples', { productLineId: lineId, title, rationale: 'Sorting' });
      await h.call('headA', 'POST', `/samples/${sample.body.id}/companies`, {
        companies: Array.from({ length: companies }, (_, i) => ({ name: `${title} ${i} Kft` })),
      });
      made[sample.body.id] = title;
    }
    const titles = async (query: string) => {
      const answer = await h.call('headA', 'GET', `/samples?limit=200${query}`);
      expect(answer.status).toBe(200);
      return answer.body.items.filter((s: any) => made[s.id]).map((s: any) => s.title);
    };
    expect(await titles('')).toEqual(['Sort Gamma', 'Sort alpha', 'Sort Beta']);
    // Case does not decide the order of titles.
    expect(await titles('&sort=title')).toEqual(['Sort alpha', 'Sort Beta', 'Sort Gamma']);
    expect(await titles('&sort=-title')).toEqual(['Sort Gamma', 'Sort Beta', 'Sort alpha']);
    expect(await titles('&sort=-companyCount')).toEqual(['Sort Beta', 'Sort Gamma', 'Sort alpha']);
    expect(await titles('&sort=updatedAt')).toEqual(['Sort Beta', 'Sort alpha', 'Sort Gamma']);

    // Pages follow the sort: a one-item page at an offset is the item at that place in the whole sorted list.
    const all = (await h.call('headA', 'GET', '/samples?sort=-companyCount&limit=200')).body.items.map(
      (s: any) => s.id,
    );
    const paged = await h.call('headA', 'GET', '/samples?sort=-companyCount&limit=1&offset=2');
    expect(paged.body.items.map((s: any) => s.id)).toEqual([all[2]]);

    for (const bad of ['rationale', '-', 'title,-status', '--title']) {
      const refused = await h.call('headA', 'GET', `/samples?sort=${encodeURIComponent(bad)}`);
      expect([refused.status, refused.body.code]).toEqual([400, 'validation_failed']);
      expect(refused.body.fields.map((f: any) => f.field)).toEqual(['sort']);
      expect(refused.body.message).toContain('sort');
    }
  });
});
