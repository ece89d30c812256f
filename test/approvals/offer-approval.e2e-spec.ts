import { REQUIRED_BRIEF_SECTIONS, Role } from '@dealgate/domain';
import { Clock } from '@dealgate/common';
import { JobName } from '@dealgate/messages';
import {
  TestDatabase,
  createTestDatabase,
  queryOnce,
  testEnv,
  tokenFor,
  waitFor,
  waitForDirectoryCopy,
  callApi,
} from '@dealgate/testing';
import { ApprovalSlaSweep } from '../../apps/approvals/src/sla/approval-sla.sweep';
import { RunningSystem, startSystem } from '../support/system-harness';
import { ApiBody, emitted } from '../../apps/approvals/test/approvals-kit';

// The whole way of an offer approval: prospects asks, approvals reminds, escalates and decides, prospects applies
// the decision. Runs on whichever queue backend the environment selects (Redis with REDIS_URL, else PostgreSQL).
jest.setTimeout(180_000);

const ADMIN_EMAIL = 'approvals.admin@example.test';
const ADMIN_PASSWORD = 'approvals-admin-Secret-42';
const HOUR = 3_600_000;

describe('offer approval end to end: requested by prospects, reminded, escalated, decided, applied', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  let url: string;
  const people: Record<'owner' | 'head' | 'seller', { userId: string; roles: Role[]; unitId: string | null }> = {
    owner: { userId: '', roles: [Role.Owner], unitId: null },
    head: { userId: '', roles: [Role.SalesHead], unitId: null },
    seller: { userId: '', roles: [Role.Salesperson], unitId: null },
  };
  const as = (who: keyof typeof people, method: string, path: string, body?: unknown) =>
    callApi<ApiBody>(url, method, path, { token: tokenFor(people[who]), body });

  async function ok(answer: Promise<{ status: number; body: ApiBody }>, what: string): Promise<ApiBody> {
    const { status, body } = await answer;
    if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
    return body;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { ADMIN_EMAIL, ADMIN_PASSWORD }));
    url = system.gatewayUrl;
    const login = await callApi<ApiBody>(url, 'POST', '/api/auth/login', {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    const admin = login.body.accessToken as string;
    const user = async (roles: Role[], unitId?: string) =>
      ok(
        callApi<ApiBody>(url, 'POST', '/api/users', {
          token: admin,
          body: {
            email: `${roles[0]}.${Date.now()}@example.test`,
            name: `The ${roles[0]}`,
            password: 'user-Secret-pass-77',
            roles,
            ...(unitId ? { unitId } : {}),
          },
        }),
        'create user',
      );
    const unit = await ok(
      callApi<ApiBody>(url, 'POST', '/api/units', { token: admin, body: { name: 'North' } }),
      'create unit',
    );
    const head = await user([Role.SalesHead], unit.id);
    await ok(
      callApi<ApiBody>(url, 'PATCH', `/api/units/${unit.id}`, {
        token: admin,
        body: { version: unit.version, headUserId: head.id },
      }),
      'set head',
    );
    const owner = await user([Role.Owner]);
    const seller = await user([Role.Salesperson], unit.id);
    people.owner.userId = owner.id;
    Object.assign(people.head, { userId: head.id, unitId: unit.id });
    Object.assign(people.seller, { userId: seller.id, unitId: unit.id });
    // The directory copies of the two services at stake know the unit's head and the people.
    await waitForDirectoryCopy(db.url, ['approvals', 'prospects'], {
      users: [seller.id],
      heads: [{ headUserId: head.id, unitId: unit.id }],
    });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  /** Waits until `who` has a pending approval about `subjectId`, and answers its detail. */
  async function pendingFor(who: keyof typeof people, subjectId: string): Promise<ApiBody> {
    const item = await waitFor(
      async () => (await as(who, 'GET', '/api/approvals/pending')).body.items.find((i) => i.subjectId === subjectId),
      { what: `a pending approval of ${subjectId} for the ${who}` },
    );
    return (await as(who, 'GET', `/api/approvals/${item.id}`)).body;
  }

  /** A target sample approved by the owner through the approvals service; answers its first prospect. */
  async function approvedProspect(): Promise<ApiBody> {
    const lines = await ok(as('owner', 'GET', '/api/product-lines'), 'product lines');
    const sample = await ok(
      as('head', 'POST', '/api/samples', {
        productLineId: lines.items[0].id,
        title: 'Distributors losing margin',
        rationale: 'Mid-size distributors still ordering by phone',
      }),
      'create sample',
    );
    const added = await ok(
      as('head', 'POST', `/api/samples/${sample.id}/companies`, { companies: [{ name: 'Acme Distribution' }] }),
      'add companies',
    );
    const sampleVersion = (added.sample as ApiBody).version;
    await ok(as('head', 'POST', `/api/samples/${sample.id}/submit`, { version: sampleVersion }), 'submit sample');
    const request = await pendingFor('owner', sample.id);
    expect(request.subjectKind).toBe('target_sample');
    await ok(as('owner', 'POST', `/api/approvals/${request.id}/approve`, { stepIndex: 0 }), 'approve sample');
    return waitFor(async () => (await as('owner', 'GET', `/api/prospects?sampleId=${sample.id}`)).body.items[0], {
      what: 'the prospects of the approved sample',
    });
  }

  it('walks an offer from submission to an approval applied by prospects', async () => {
    const prospect = await approvedProspect();
    const assigned = await ok(
      as('head', 'POST', `/api/prospects/${prospect.id}/assign`, {
        version: prospect.version,
        ownerId: people.seller.userId,
      }),
      'assign',
    );
    expect(assigned.id).toBe(prospect.id);
    const dm = await ok(
      as('seller', 'POST', `/api/prospects/${prospect.id}/contacts`, {
        name: 'Dana Moss',
        position: 'COO',
        isDecisionMaker: true,
        decisionReason: 'Signs supply contracts',
      }),
      'contact',
    );
    const meeting = await ok(
      as('seller', 'POST', `/api/prospects/${prospect.id}/meetings`, {
        contactId: dm.id,
        scheduledAt: '2026-01-10T10:00:00Z',
      }),
      'meeting',
    );
    await ok(
      as('seller', 'POST', `/api/prospects/${prospect.id}/meetings/${meeting.id}/held`, {
        heldAt: '2026-01-10T11:00:00Z',
      }),
      'held',
    );
    const sections = Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`]));
    const brief = await ok(
      as('seller', 'PUT', `/api/prospects/${prospect.id}/brief`, { sections, needs: [{ text: 'Faster ordering' }] }),
      'brief',
    );
    await ok(
      as('seller', 'POST', `/api/prospects/${prospect.id}/brief/complete`, { version: brief.version }),
      'brief done',
    );
    const needs = brief.needs as { id: string }[];
    const draft = await ok(
      as('seller', 'POST', `/api/prospects/${prospect.id}/offers`, {
        items: [
          {
            productId: 'crm-pro',
            description: 'CRM licences',
            quantity: 10,
            unitPriceMinor: 12_000,
            currency: 'EUR',
            needIds: [needs[0].id],
          },
        ],
        paymentDays: 30,
        delivery: { text: 'Remote onboarding', days: 14 },
        discountPercent: 5,
        validUntil: '2027-03-31',
        clauses: ['standard-sla'],
      }),
      'draft offer',
    );
    const submitted = await ok(
      as('seller', 'POST', `/api/offers/${draft.id}/submit`, { version: draft.version }),
      'submit',
    );
    expect(submitted.status).toBe('pending_approval');

    // Approvals opened the request for the unit's head, with exactly what was submitted.
    const request = await pendingFor('head', draft.id);
    expect(request).toMatchObject({
      id: submitted.approvalRequestId,
      subjectKind: 'offer',
      requesterId: people.seller.userId,
    });
    expect(request.steps).toHaveLength(1);
    expect(request.steps[0].approver).toEqual({ userId: people.head.userId, role: null, unitId: null });
    expect(request.snapshot).toMatchObject({ totalMinor: 120_000 * 0.95 });
    // The author never approves their own offer, and the owner cannot step in before the escalation.
    expect((await as('seller', 'POST', `/api/approvals/${request.id}/approve`, { stepIndex: 0 })).status).toBe(403);
    expect((await as('owner', 'POST', `/api/approvals/${request.id}/approve`, { stepIndex: 0 })).status).toBe(403);

    // The head lets it lie: the sweep reminds the head at due, then escalates to the owner.
    const step = request.currentStep as ApiBody & { dueAt: string; escalationAt: string };
    const sweep = system.apps.approvals.get(ApprovalSlaSweep);
    await sweep.run(new Date(step.dueAt));
    await sweep.run(new Date(new Date(step.escalationAt).getTime() + HOUR));
    await sweep.run(new Date(new Date(step.escalationAt).getTime() + 2 * HOUR));
    const breaches = await emitted(db.url, request.id, JobName.ApprovalSlaBreached);
    expect(breaches.map((b) => [b.level, b.recipientUserId ?? b.recipientRole])).toEqual([
      ['reminder', people.head.userId],
      ['escalation', 'owner'],
    ]);

    // Past the escalation the owner decides.
    const clock = jest
      .spyOn(system.apps.approvals.get(Clock), 'now')
      .mockReturnValue(new Date(new Date(step.escalationAt).getTime() + 3 * HOUR));
    let decided: ApiBody;
    try {
      await pendingFor('owner', draft.id);
      decided = await ok(
        as('owner', 'POST', `/api/approvals/${request.id}/approve`, { stepIndex: 0 }),
        'approve offer',
      );
    } finally {
      clock.mockRestore();
    }
    expect(decided.status).toBe('approved');
    expect(decided.history.map((h) => h.action)).toEqual([
      'requested',
      'step_opened',
      'reminded',
      'escalated',
      'approved',
    ]);

    // Prospects consumed the decision: the offer is approved, once.
    const offer = await waitFor(
      async () => {
        const current = await as('seller', 'GET', `/api/offers/${draft.id}`);
        return current.body.status === 'approved' ? current.body : null;
      },
      { what: 'prospects to apply the approval' },
    );
    expect(offer.approvalRequestId).toBe(request.id);
    const [{ n }] = await queryOnce<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM prospects.inbox WHERE job_name = 'approval.decided' AND message_id IN
         (SELECT id FROM approvals.outbox WHERE job_name = 'approval.decided' AND payload->>'requestId' = $1)`,
      [request.id],
    );
    expect(n).toBe(1);
    const history = await as('seller', 'GET', `/api/approvals/history?subjectId=${draft.id}`);
    expect(history.body.items.map((r) => r.status)).toEqual(['approved']);
  });
});
