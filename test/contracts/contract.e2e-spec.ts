/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { DefaultTaskKey as K } from '@dealgate/domain';
import { TestDatabase, createTestDatabase, queryOnce, testEnv, waitFor } from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';
import { DealWorld, Who } from './support/deal-world';

// From an accepted defence to a signed contract with every service running: legal and accounting work the tasks,
// a terms deviation goes through the approvals service to the unit head, signing makes the prospect won.
jest.setTimeout(180_000);

const ADMIN_EMAIL = 'contract.admin@example.test';
const ADMIN_PASSWORD = 'contract-admin-Secret-42';

describe('the contract stage end to end: defence -> case -> tasks -> approved deviation -> signed -> won', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  let world: DealWorld;

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { ADMIN_EMAIL, ADMIN_PASSWORD }));
    world = new DealWorld(system, db);
    const login = await world.http('', 'POST', '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    await world.createPeople(login.body.accessToken as string);
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('carries the defended deal to a signed contract and a won prospect', async () => {
    const { prospectId, offerId, terms } = await world.defendedDeal();

    // The case opens on the approved offer's terms; the salesperson only watches it.
    const found = await waitFor(
      async () => (await world.as('legal', 'GET', `/api/contracts?prospectId=${prospectId}`)).body.items?.[0],
      {
        what: 'the contract case',
      },
    );
    expect(found).toMatchObject({ offerId, status: 'open' });
    const caseId: string = found.id;
    const opened = await world.ok('seller', 'GET', `/api/contracts/${caseId}`);
    expect(opened).toMatchObject({ access: 'read', baseline: terms, terms, deviations: [] });
    expect((await world.as('seller', 'PUT', `/api/contracts/${caseId}/terms`, { terms, revision: 1 })).status).toBe(
      403,
    );
    expect((await world.ok('seller', 'GET', '/api/tasks/mine')).total).toBe(0);
    const draft = opened.tasks.find((t: any) => t.key === K.DraftContract);
    expect((await world.as('seller', 'POST', `/api/tasks/${draft.id}/claim`)).status).toBe(403);

    // Legal and accounting find their roots in their group queues.
    const queue = async (who: Who, group: string) =>
      (await world.ok(who, 'GET', `/api/tasks/queue?group=${group}&caseId=${caseId}&unassigned=true`)).items.map(
        (t: any) => t.key,
      );
    expect(await queue('legal', 'legal')).toEqual([K.DraftContract]);
    expect(await queue('accounting', 'accounting')).toEqual([K.CreditCheck]);

    // Legal grants a bigger discount, then changes it again: the first request is void in the approvals service,
    // and only the current revision goes to the unit's head.
    const requestOf = async (revision: number) =>
      waitFor(
        async () =>
          (
            await queryOnce<{ request_id: string }>(
              db.url,
              'SELECT request_id FROM contracts.deviation_approval WHERE case_id = $1 AND terms_revision = $2',
              [caseId, revision],
            )
          )[0]?.request_id,
        { what: `the request of revision ${revision}` },
      );
    await world.ok('legal', 'PUT', `/api/contracts/${caseId}/terms`, {
      terms: { ...terms, discountPercent: 7 },
      revision: 1,
    });
    const first = await requestOf(2);
    await waitFor(async () => (await world.as('head', 'GET', `/api/approvals/${first}`)).body?.status === 'pending', {
      what: 'the first request pending in approvals',
    });
    const edited = await world.ok('accounting', 'PUT', `/api/contracts/${caseId}/terms`, {
      terms: { ...terms, discountPercent: 8 },
      revision: 2,
    });
    expect(edited.deviations).toEqual([expect.objectContaining({ field: 'discount_percent', before: 5, after: 8 })]);
    expect(edited.signing.blockers).toContainEqual(expect.objectContaining({ kind: 'deviation_approval_pending' }));
    await waitFor(async () => (await world.as('head', 'GET', `/api/approvals/${first}`)).body?.status === 'voided', {
      what: 'the first request voided in approvals',
    });
    const second = await requestOf(3);
    await waitFor(async () => (await world.as('head', 'GET', `/api/approvals/${second}`)).body?.status === 'pending', {
      what: 'the second request pending in approvals',
    });
    const pending = (await world.ok('head', 'GET', '/api/approvals/pending')).items.filter(
      (i: any) => i.subjectId === caseId,
    );
    expect(pending.map((i: any) => i.id)).toEqual([second]);
    await world.approve('head', caseId);
    await waitFor(
      async () => (await world.ok('legal', 'GET', `/api/contracts/${caseId}`)).deviationApproval?.status === 'approved',
      {
        what: 'the deviation approved in contracts',
      },
    );

    // Signing before the work is done names what is missing.
    const early = await world.as('legal', 'POST', `/api/contracts/${caseId}/sign`, {
      signatories: [{ name: 'Dana Moss', party: 'customer', position: 'COO' }],
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toContain('The required task "Draft contract" is not done.');
    expect(early.body.message).not.toContain('deviation');

    // The task graph, each task claimed and done by its group.
    const tasks = Object.fromEntries(opened.tasks.map((t: any) => [t.key, t.id]));
    const work = async (who: Who, key: string) => {
      await world.ok(who, 'POST', `/api/tasks/${tasks[key]}/claim`);
      await world.ok(who, 'POST', `/api/tasks/${tasks[key]}/complete`);
    };
    await work('legal', K.DraftContract);
    await work('accounting', K.CreditCheck);
    await work('legal', K.ReviewTerms);
    await work('accounting', K.BillingSetup);
    await work('accounting', K.PaymentSchedule);
    await work('legal', K.LegalSignOff);

    const signed = await world.ok('legal', 'POST', `/api/contracts/${caseId}/sign`, {
      signatories: [
        { name: 'Dana Moss', party: 'customer', position: 'COO' },
        { name: 'Lee Gale', party: 'company', position: 'Counsel' },
      ],
      signedOn: '2026-02-20',
    });
    expect(signed).toMatchObject({ status: 'signed', signedOn: '2026-02-20' });
    expect(signed.tasks.find((t: any) => t.key === K.DeliveryHandover)).toMatchObject({
      group: 'delivery',
      state: 'available',
    });

    // Prospects counts the deal won from contract.signed.
    await waitFor(async () => (await world.as('owner', 'GET', `/api/prospects/${prospectId}`)).body.status === 'won', {
      what: 'the prospect won',
    });
    const [signedJob] = await queryOnce<{ sent_at: Date | null }>(
      db.url,
      "SELECT sent_at FROM contracts.outbox WHERE job_name = 'contract.signed' AND payload->>'caseId' = $1",
      [caseId],
    );
    expect(signedJob.sent_at).not.toBeNull();
    const decided = await queryOnce<{ status: string; terms_revision: number }>(
      db.url,
      'SELECT status, terms_revision FROM contracts.deviation_approval WHERE case_id = $1 ORDER BY terms_revision',
      [caseId],
    );
    expect(decided).toEqual([
      { status: 'voided', terms_revision: 2 },
      { status: 'approved', terms_revision: 3 },
    ]);
  });
});
