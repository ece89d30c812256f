import { randomUUID } from 'node:crypto';
import { DefaultTaskKey as K, Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { queryOnce, seedDirectory, tokenFor, waitFor } from '@dealgate/testing';
import {
  ContractsUnderTest,
  call,
  caseOf,
  count,
  defendedOffer,
  deliver,
  emitted,
  startContracts,
  taskIds,
} from '../../../../test/contracts/support/contracts-kit';

describe('contract cases (medium, real PostgreSQL and queue)', () => {
  let svc: ContractsUnderTest;
  const unitId = randomUUID();
  const ids = {
    legal: randomUUID(),
    accounting: randomUUID(),
    salesperson: randomUUID(),
    otherSeller: randomUUID(),
    head: randomUUID(),
    owner: randomUUID(),
    delivery: randomUUID(),
  };
  const token = {
    legal: tokenFor({ userId: ids.legal, roles: [Role.Legal] }),
    accounting: tokenFor({ userId: ids.accounting, roles: [Role.Accounting] }),
    salesperson: tokenFor({ userId: ids.salesperson, roles: [Role.Salesperson], unitId }),
    otherSeller: tokenFor({ userId: ids.otherSeller, roles: [Role.Salesperson], unitId }),
    head: tokenFor({ userId: ids.head, roles: [Role.SalesHead], unitId }),
    owner: tokenFor({ userId: ids.owner, roles: [Role.Owner] }),
    admin: tokenFor({ roles: [Role.Admin] }),
    // Delivery has no role of its own: membership comes from the directory's groups.
    delivery: tokenFor({ userId: ids.delivery, roles: [Role.SalesHead] }),
  };
  const offer = defendedOffer({ salespersonId: ids.salesperson, unitId });
  let caseId: string;

  beforeAll(async () => {
    svc = await startContracts();
    await seedDirectory(
      svc.db.url,
      ['contracts'],
      [
        { userId: ids.legal, roles: [Role.Legal], groups: ['legal'], leadOf: ['legal'] },
        { userId: ids.accounting, roles: [Role.Accounting], groups: ['accounting'], leadOf: ['accounting'] },
        { userId: ids.salesperson, roles: [Role.Salesperson], unitId },
        { userId: ids.otherSeller, roles: [Role.Salesperson], unitId },
        { userId: ids.head, roles: [Role.SalesHead], unitId },
        { userId: ids.owner, roles: [Role.Owner] },
        { userId: ids.delivery, roles: [Role.SalesHead], groups: ['delivery'] },
      ],
      [{ unitId, headUserId: ids.head }],
    );
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it('opens exactly one case per defended offer, whatever is delivered twice', async () => {
    const messageId = await deliver(svc.app, JobName.OfferDefended, offer);
    caseId = await caseOf(svc.db.url, offer.offerId);
    // The same message again (inbox), and the same offer under a new message id (unique offer).
    await deliver(svc.app, JobName.OfferDefended, offer, messageId);
    const second = await deliver(svc.app, JobName.OfferDefended, offer);
    await waitFor(async () => (await count(svc.db.url, 'contracts.inbox WHERE message_id = $1', [second])) === 1, {
      what: 'second delivery processed',
    });
    await waitFor(async () => (await count(svc.db.url, "contracts.inbox WHERE job_name = 'offer.defended'")) === 2, {
      what: 'both messages in the inbox',
    });

    expect(await count(svc.db.url, 'contracts.contract_case WHERE offer_id = $1', [offer.offerId])).toBe(1);
    expect(await count(svc.db.url, 'contracts.contract_task WHERE case_id = $1', [caseId])).toBe(6);
    expect(await emitted(svc.db.url, JobName.ContractOpened)).toEqual([
      expect.objectContaining({
        caseId,
        offerId: offer.offerId,
        prospectId: offer.prospectId,
        salespersonId: ids.salesperson,
        unitId,
      }),
    ]);
    // Only the tasks without dependencies are available, in their group's queue.
    const assigned = await emitted(svc.db.url, JobName.TaskAssigned);
    expect(assigned.map((a) => [a.group, a.title, a.assigneeId]).sort()).toEqual([
      ['accounting', 'Counterparty credit check', null],
      ['legal', 'Draft contract', null],
    ]);
  });

  it('shows the case with its baseline, no drift, blocked tasks and what stops signing', async () => {
    const { status, body } = await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.legal);
    expect(status).toBe(200);
    expect(body.terms).toEqual(offer.terms);
    expect(body.baseline).toEqual(offer.terms);
    expect(body.deviations).toEqual([]);
    expect(body.access).toBe('write');
    const states = Object.fromEntries((body.tasks as { key: string; state: string }[]).map((t) => [t.key, t.state]));
    expect(states).toEqual({
      [K.DraftContract]: 'available',
      [K.CreditCheck]: 'available',
      [K.ReviewTerms]: 'blocked',
      [K.BillingSetup]: 'blocked',
      [K.PaymentSchedule]: 'blocked',
      [K.LegalSignOff]: 'blocked',
    });
    expect(body.signing.allowed).toBe(false);
    expect(body.signing.blockers).toHaveLength(6);
  });

  it('gives the salesperson read-only access to their own case and nothing else', async () => {
    expect((await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.salesperson)).body.access).toBe('read');
    const edit = await call(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, token.salesperson, {
      terms: offer.terms,
      revision: 1,
    });
    expect(edit.status).toBe(403);
    expect(
      (
        await call(svc.url, 'POST', `/api/contracts/${caseId}/sign`, token.salesperson, {
          signatories: [{ name: 'A', party: 'customer' }],
        })
      ).status,
    ).toBe(403);
    const tasks = await taskIds(svc.db.url, caseId);
    expect((await call(svc.url, 'POST', `/api/tasks/${tasks[K.DraftContract]}/claim`, token.salesperson)).status).toBe(
      403,
    );
    // Another salesperson of the same unit does not even learn the case exists.
    expect((await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.otherSeller)).status).toBe(404);
    expect((await call(svc.url, 'GET', `/api/contracts`, token.otherSeller)).body.total).toBe(0);
    expect((await call(svc.url, 'GET', `/api/contracts`, token.salesperson)).body.total).toBe(1);
    expect((await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.head)).status).toBe(200);
    expect((await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.owner)).body.access).toBe('read');
    expect((await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.admin)).status).toBe(403);
    expect(await count(svc.db.url, 'contracts.contract_case WHERE id = $1 AND terms_revision = 1', [caseId])).toBe(1);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const bad = { terms: { ...offer.terms, paymentDays: -3 }, revision: 1 };
    const { status, body } = await call(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, token.legal, bad);
    expect(status).toBe(400);
    expect((body.fields as { field: string }[]).map((f) => f.field)).toEqual(['terms.paymentDays']);
    expect((await call(svc.url, 'GET', '/api/contracts/not-a-uuid', token.legal)).status).toBe(400);
    expect(await count(svc.db.url, 'contracts.contract_case WHERE id = $1 AND terms_revision = 1', [caseId])).toBe(1);
  });

  let firstRequest: string;
  let secondRequest: string;

  it('shows the drift, asks approval of it, and voids the pending request on a later edit', async () => {
    const cheaper = { ...offer.terms, items: [{ ...offer.terms.items[0], unitPriceMinor: 110_000 }] };
    const edited = await call(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, token.legal, {
      terms: cheaper,
      revision: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.termsRevision).toBe(2);
    expect(edited.body.deviations).toEqual([
      expect.objectContaining({
        field: 'item_price',
        productId: 'crm-seat',
        description: 'Unit price of crm-seat changed from 1200.00 EUR to 1100.00 EUR.',
      }),
    ]);
    expect(edited.body.signing.blockers).toContainEqual(
      expect.objectContaining({ kind: 'deviation_approval_pending' }),
    );
    const [request] = await emitted(svc.db.url, JobName.ApprovalRequested);
    expect(request).toEqual(
      expect.objectContaining({
        subjectKind: 'contract_deviation',
        subjectId: caseId,
        subjectVersion: 2,
        requesterId: ids.legal,
        unitId,
      }),
    );
    expect((request.snapshot as { deviations: unknown[] }).deviations).toHaveLength(1);
    firstRequest = request.requestId;

    // An edit based on an old revision loses.
    expect(
      (await call(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, token.accounting, { terms: cheaper, revision: 1 }))
        .status,
    ).toBe(409);

    const longer = { ...cheaper, paymentDays: 45 };
    const again = await call(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, token.accounting, {
      terms: longer,
      revision: 2,
    });
    expect(again.body.termsRevision).toBe(3);
    expect((again.body.deviations as { field: string }[]).map((d) => d.field)).toEqual(['item_price', 'payment_days']);
    expect(await emitted(svc.db.url, JobName.ApprovalVoided)).toEqual([
      expect.objectContaining({ requestId: firstRequest }),
    ]);
    const requests = await emitted(svc.db.url, JobName.ApprovalRequested);
    expect(requests.map((r) => r.subjectVersion)).toEqual([2, 3]);
    secondRequest = requests[1].requestId;
  });

  it('counts only a decision about the current terms revision', async () => {
    const decision = (requestId: string, subjectVersion: number) => ({
      requestId,
      subjectKind: 'contract_deviation' as const,
      subjectId: caseId,
      subjectVersion,
      outcome: 'approved' as const,
      requesterId: ids.legal,
      decidedBy: ids.head,
      comment: 'fine',
      decidedAt: new Date().toISOString(),
    });
    const stale = await deliver(svc.app, JobName.ApprovalDecided, decision(firstRequest, 2));
    const wrongVersion = await deliver(svc.app, JobName.ApprovalDecided, decision(secondRequest, 2));
    await waitFor(
      async () =>
        (await count(svc.db.url, 'contracts.inbox WHERE message_id = ANY($1::uuid[])', [[stale, wrongVersion]])) === 2,
      {
        what: 'stale decisions processed',
      },
    );
    let approval = (await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.legal)).body.deviationApproval;
    expect(approval).toEqual(expect.objectContaining({ requestId: secondRequest, status: 'pending', current: true }));

    await deliver(svc.app, JobName.ApprovalDecided, decision(secondRequest, 3));
    await waitFor(
      async () => (await count(svc.db.url, "contracts.deviation_approval WHERE status = 'approved'")) === 1,
      { what: 'approval applied' },
    );
    approval = (await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.legal)).body.deviationApproval;
    expect(approval).toEqual(
      expect.objectContaining({ requestId: secondRequest, status: 'approved', termsRevision: 3 }),
    );
    const statuses = await queryOnce<{ request_id: string; status: string }>(
      svc.db.url,
      'SELECT request_id, status FROM contracts.deviation_approval ORDER BY terms_revision',
    );
    expect(statuses.map((s) => s.status)).toEqual(['voided', 'approved']);
  });

  it('signs only when every required task is done, then hands over to delivery', async () => {
    const signatories = [
      { name: 'Ann Buyer', party: 'customer', position: 'CEO' },
      { name: 'Bob Seller', party: 'company' },
    ];
    const blocked = await call(svc.url, 'POST', `/api/contracts/${caseId}/sign`, token.legal, {
      signatories,
      signedOn: '2026-11-27',
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('contract.signing_blocked');
    expect(blocked.body.message).toContain('The required task "Draft contract" is not done.');
    expect((blocked.body.details.blockers as { kind: string }[]).map((b) => b.kind)).not.toContain(
      'deviation_not_approved',
    );

    const tasks = await taskIds(svc.db.url, caseId);
    const work = async (key: string, who: string) => {
      expect((await call(svc.url, 'POST', `/api/tasks/${tasks[key]}/claim`, who)).status).toBe(200);
      expect((await call(svc.url, 'POST', `/api/tasks/${tasks[key]}/complete`, who)).status).toBe(200);
    };
    await work(K.DraftContract, token.legal);
    await work(K.CreditCheck, token.accounting);
    await work(K.ReviewTerms, token.legal);
    await work(K.BillingSetup, token.accounting);
    await work(K.PaymentSchedule, token.accounting);
    await work(K.LegalSignOff, token.legal);

    const signed = await call(svc.url, 'POST', `/api/contracts/${caseId}/sign`, token.legal, {
      signatories,
      signedOn: '2026-11-27',
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual(expect.objectContaining({ status: 'signed', signedOn: '2026-11-27' }));
    expect(signed.body.signatories).toEqual([
      { name: 'Ann Buyer', party: 'customer', position: 'CEO' },
      { name: 'Bob Seller', party: 'company', position: null },
    ]);
    expect(await emitted(svc.db.url, JobName.ContractSigned)).toEqual([
      expect.objectContaining({
        caseId,
        prospectId: offer.prospectId,
        offerId: offer.offerId,
        salespersonId: ids.salesperson,
        unitId,
      }),
    ]);
    const handover = (signed.body.tasks as { key: string }[]).find((t) => t.key === String(K.DeliveryHandover));
    expect(handover).toEqual(expect.objectContaining({ group: 'delivery', state: 'available', assigneeId: null }));
    expect((await emitted(svc.db.url, JobName.TaskAssigned)).filter((a) => a.group === 'delivery')).toHaveLength(1);

    // Signed once; the terms are frozen.
    expect((await call(svc.url, 'POST', `/api/contracts/${caseId}/sign`, token.legal, { signatories })).status).toBe(
      409,
    );
    expect(
      (await call(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, token.legal, { terms: offer.terms, revision: 3 }))
        .status,
    ).toBe(403);
    expect(await emitted(svc.db.url, JobName.ContractSigned)).toHaveLength(1);
    expect((await call(svc.url, 'GET', '/api/contracts?status=signed', token.owner)).body.total).toBe(1);
    expect((await call(svc.url, 'GET', '/api/contracts?status=open', token.owner)).body.total).toBe(0);
  });

  it('lets the delivery group work the handover task, which marks the case handed over', async () => {
    const handover = (await taskIds(svc.db.url, caseId))[K.DeliveryHandover];
    expect((await call(svc.url, 'POST', `/api/tasks/${handover}/claim`, token.legal)).status).toBe(403);
    const queue = await call(svc.url, 'GET', '/api/tasks/queue?group=delivery', token.delivery);
    expect((queue.body.items as { id: string }[]).map((t) => t.id)).toEqual([handover]);
    expect((await call(svc.url, 'POST', `/api/tasks/${handover}/claim`, token.delivery)).status).toBe(200);
    expect((await call(svc.url, 'POST', `/api/tasks/${handover}/complete`, token.delivery)).status).toBe(200);
    const { body } = await call(svc.url, 'GET', `/api/contracts/${caseId}`, token.owner);
    expect(body.handedOverAt).not.toBeNull();
  });

  it('opens one case when the same defence arrives twice at the same moment', async () => {
    const twin = defendedOffer({ unitId });
    await Promise.all([deliver(svc.app, JobName.OfferDefended, twin), deliver(svc.app, JobName.OfferDefended, twin)]);
    await waitFor(async () => (await count(svc.db.url, "contracts.inbox WHERE job_name = 'offer.defended'")) === 4, {
      what: 'both twin deliveries processed',
    });
    expect(await count(svc.db.url, 'contracts.contract_case WHERE offer_id = $1', [twin.offerId])).toBe(1);
    const [{ id }] = await queryOnce<{ id: string }>(
      svc.db.url,
      'SELECT id FROM contracts.contract_case WHERE offer_id = $1',
      [twin.offerId],
    );
    expect(await count(svc.db.url, 'contracts.contract_task WHERE case_id = $1', [id])).toBe(6);
    expect((await emitted(svc.db.url, JobName.ContractOpened)).filter((o) => o.offerId === twin.offerId)).toHaveLength(
      1,
    );
  });
});
