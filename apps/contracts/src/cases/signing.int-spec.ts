import { DefaultTaskKey as K } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { queryOnce, waitFor, callApi } from '@dealgate/testing';
import { ContractsUnderTest, count, deliver, emitted, startContracts, taskIds } from '../../test/contracts-kit';
import {
  CaseUnderTest,
  aCaseOpenedFromAFreshDefendedOffer,
  aCaseWhoseRejectedDeviationWasAskedAgain,
  aCaseWithDriftAndAPendingDeviationRequest,
  aCaseWithItsDeviationApproved,
  aSignedCase,
  cheaperTerms,
  deviationDecision as decision,
} from '../../test/case-builders';
import { CaseView } from './case.view';

// One service and database for the file; each test opens its own case (with its own people and unit) in the state it
// needs, and reads the outbox, lists and queues only for that case.
describe('terms drift and signing (medium, real PostgreSQL and queue)', () => {
  let svc: ContractsUnderTest;

  beforeAll(async () => {
    svc = await startContracts();
  });

  afterAll(async () => {
    await svc?.stop();
  });

  const current = async (c: CaseUnderTest) =>
    (await callApi<CaseView>(svc.url, 'GET', `/api/contracts/${c.caseId}`, { token: c.token.legal })).body;

  it('shows the drift, asks approval of it, and voids the pending request on a later edit', async () => {
    const { caseId, offer, ids, unitId, token } = await aCaseOpenedFromAFreshDefendedOffer(svc);
    const ofThisCase = (r: { subjectId: string }) => r.subjectId === caseId;
    const cheaper = cheaperTerms(offer);
    const edited = await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
      token: token.legal,
      body: {
        terms: cheaper,
        revision: 1,
      },
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
    const [request] = await emitted(svc.db.url, JobName.ApprovalRequested, ofThisCase);
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
    const firstRequest = request.requestId;

    // An edit based on an old revision loses.
    expect(
      (
        await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
          token: token.accounting,
          body: { terms: cheaper, revision: 1 },
        })
      ).status,
    ).toBe(409);

    const longer = { ...cheaper, paymentDays: 45 };
    const again = await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
      token: token.accounting,
      body: {
        terms: longer,
        revision: 2,
      },
    });
    expect(again.body.termsRevision).toBe(3);
    expect((again.body.deviations as { field: string }[]).map((d) => d.field)).toEqual(['item_price', 'payment_days']);
    // A voided request names only its id: the case's are those it asked for.
    const askedByThisCase = (await emitted(svc.db.url, JobName.ApprovalRequested, ofThisCase)).map((r) => r.requestId);
    expect(await emitted(svc.db.url, JobName.ApprovalVoided, (v) => askedByThisCase.includes(v.requestId))).toEqual([
      expect.objectContaining({ requestId: firstRequest }),
    ]);
    const requests = await emitted(svc.db.url, JobName.ApprovalRequested, ofThisCase);
    expect(requests.map((r) => r.subjectVersion)).toEqual([2, 3]);
  });

  it('blocks signing on a rejection until approval is asked again', async () => {
    const c = await aCaseWithDriftAndAPendingDeviationRequest(svc);
    const { caseId, token } = c;
    await deliver(svc.app, JobName.ApprovalDecided, decision(c, c.requests[1].requestId, 3, 'rejected'));
    await waitFor(async () => (await current(c)).deviationApproval?.status === 'rejected', {
      what: 'rejection applied',
    });
    const rejected = await current(c);
    expect(rejected.signing.blockers).toContainEqual(expect.objectContaining({ kind: 'deviation_rejected' }));
    // The salesperson may not ask; legal may, once.
    expect(
      (await callApi(svc.url, 'POST', `/api/contracts/${caseId}/deviation-approval`, { token: token.salesperson }))
        .status,
    ).toBe(403);
    const asked = await callApi(svc.url, 'POST', `/api/contracts/${caseId}/deviation-approval`, { token: token.legal });
    expect(asked.status).toBe(202);
    expect(asked.body.deviationApproval).toEqual(expect.objectContaining({ status: 'pending', termsRevision: 3 }));
    expect(
      (await callApi(svc.url, 'POST', `/api/contracts/${caseId}/deviation-approval`, { token: token.legal })).status,
    ).toBe(409);
    const requests = await emitted(svc.db.url, JobName.ApprovalRequested, (r) => r.subjectId === caseId);
    expect(requests.map((r) => r.subjectVersion)).toEqual([2, 3, 3]);
  });

  it('counts only a decision about the current terms revision', async () => {
    const c = await aCaseWhoseRejectedDeviationWasAskedAgain(svc);
    const firstRequest = c.requests[0].requestId;
    const secondRequest = c.requests[2].requestId;
    // A decision about an offer (same request id shape, another subject kind) is not ours.
    const foreign = await deliver(svc.app, JobName.ApprovalDecided, {
      ...decision(c, secondRequest, 3),
      subjectKind: 'offer',
    });
    const stale = await deliver(svc.app, JobName.ApprovalDecided, decision(c, firstRequest, 2));
    const wrongVersion = await deliver(svc.app, JobName.ApprovalDecided, decision(c, secondRequest, 2));
    await waitFor(
      async () =>
        (await count(svc.db.url, 'contracts.inbox WHERE message_id = ANY($1::uuid[])', [
          [foreign, stale, wrongVersion],
        ])) === 3,
      { what: 'stale decisions processed' },
    );
    expect((await current(c)).deviationApproval).toEqual(
      expect.objectContaining({ requestId: secondRequest, status: 'pending', current: true }),
    );

    await deliver(svc.app, JobName.ApprovalDecided, decision(c, secondRequest, 3));
    await waitFor(async () => (await current(c)).deviationApproval?.status === 'approved', {
      what: 'approval applied',
    });
    expect((await current(c)).deviationApproval).toEqual(
      expect.objectContaining({ requestId: secondRequest, status: 'approved', termsRevision: 3 }),
    );
    const statuses = await queryOnce<{ status: string }>(
      svc.db.url,
      'SELECT status FROM contracts.deviation_approval WHERE case_id = $1 ORDER BY terms_revision, requested_at',
      [c.caseId],
    );
    expect(statuses.map((s) => s.status)).toEqual(['voided', 'rejected', 'approved']);
  });

  it('signs only when every required task is done, then hands over to delivery', async () => {
    const { caseId, offer, ids, unitId, token } = await aCaseWithItsDeviationApproved(svc);
    const signatories = [
      { name: 'Ann Buyer', party: 'customer', position: 'CEO' },
      { name: 'Bob Seller', party: 'company' },
    ];
    const blocked = await callApi(svc.url, 'POST', `/api/contracts/${caseId}/sign`, {
      token: token.legal,
      body: {
        signatories,
        signedOn: '2026-11-27',
      },
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('contract.signing_blocked');
    expect(blocked.body.message).toContain('The required task "Draft contract" is not done.');
    expect((blocked.body.details.blockers as { kind: string }[]).map((b) => b.kind)).not.toContain(
      'deviation_not_approved',
    );

    const tasks = await taskIds(svc.db.url, caseId);
    const work = async (key: string, who: string) => {
      expect((await callApi(svc.url, 'POST', `/api/tasks/${tasks[key]}/claim`, { token: who })).status).toBe(200);
      expect((await callApi(svc.url, 'POST', `/api/tasks/${tasks[key]}/complete`, { token: who })).status).toBe(200);
    };
    await work(K.DraftContract, token.legal);
    await work(K.CreditCheck, token.accounting);
    await work(K.ReviewTerms, token.legal);
    await work(K.BillingSetup, token.accounting);
    await work(K.PaymentSchedule, token.accounting);
    await work(K.LegalSignOff, token.legal);

    const signed = await callApi(svc.url, 'POST', `/api/contracts/${caseId}/sign`, {
      token: token.legal,
      body: {
        signatories,
        signedOn: '2026-11-27',
      },
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toEqual(
      expect.objectContaining({ status: 'signed', signedOn: '2026-11-27', signedBy: ids.legal }),
    );
    expect(signed.body.signatories).toEqual([
      { name: 'Ann Buyer', party: 'customer', position: 'CEO' },
      { name: 'Bob Seller', party: 'company', position: null },
    ]);
    const ofThisCase = (p: { caseId: string }) => p.caseId === caseId;
    expect(await emitted(svc.db.url, JobName.ContractSigned, ofThisCase)).toEqual([
      expect.objectContaining({
        caseId,
        prospectId: offer.prospectId,
        offerId: offer.offerId,
        salespersonId: ids.salesperson,
        unitId,
        signedBy: ids.legal,
      }),
    ]);
    const handover = (signed.body.tasks as { key: string }[]).find((t) => t.key === String(K.DeliveryHandover));
    expect(handover).toEqual(expect.objectContaining({ group: 'delivery', state: 'available', assigneeId: null }));
    expect(
      (await emitted(svc.db.url, JobName.TaskAssigned, ofThisCase)).filter((a) => a.group === 'delivery'),
    ).toHaveLength(1);

    // Signed once; the terms are frozen.
    expect(
      (await callApi(svc.url, 'POST', `/api/contracts/${caseId}/sign`, { token: token.legal, body: { signatories } }))
        .status,
    ).toBe(409);
    expect(
      (
        await callApi(svc.url, 'PUT', `/api/contracts/${caseId}/terms`, {
          token: token.legal,
          body: { terms: offer.terms, revision: 3 },
        })
      ).status,
    ).toBe(403);
    expect(await emitted(svc.db.url, JobName.ContractSigned, ofThisCase)).toHaveLength(1);
    // The owner sees every unit's cases; the case's own unit holds only this one.
    const ownerList = (status: string) =>
      callApi(svc.url, 'GET', `/api/contracts?status=${status}&unitId=${unitId}`, { token: token.owner });
    expect((await ownerList('signed')).body.total).toBe(1);
    expect((await ownerList('open')).body.total).toBe(0);
  });

  it('lets the delivery group work the handover task, which marks the case handed over', async () => {
    const { caseId, token } = await aSignedCase(svc);
    const handover = (await taskIds(svc.db.url, caseId))[K.DeliveryHandover];
    expect((await callApi(svc.url, 'POST', `/api/tasks/${handover}/claim`, { token: token.legal })).status).toBe(403);
    const queue = await callApi(svc.url, 'GET', `/api/tasks/queue?group=delivery&caseId=${caseId}`, {
      token: token.delivery,
    });
    expect((queue.body.items as { id: string }[]).map((t) => t.id)).toEqual([handover]);
    expect((await callApi(svc.url, 'POST', `/api/tasks/${handover}/claim`, { token: token.delivery })).status).toBe(
      200,
    );
    expect((await callApi(svc.url, 'POST', `/api/tasks/${handover}/complete`, { token: token.delivery })).status).toBe(
      200,
    );
    const { body } = await callApi(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.owner });
    expect(body.handedOverAt).not.toBeNull();
  });
});
