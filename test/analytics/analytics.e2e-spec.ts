/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { REQUIRED_BRIEF_SECTIONS, Role, addMonthsToKey, monthKeyOf, monthKeyStart } from '@dealgate/domain';
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
import { NormSweep } from '../../apps/prospects/src/analytics/analytics.sweeps';
import { RunningSystem, startSystem } from '../support/system-harness';

// Three prospects driven through the funnel API behind the gateway produce the expected funnel, plan vs fact,
// and a norm breach that reaches the salesperson's inbox in the notifications service.
jest.setTimeout(180_000);

const ADMIN_EMAIL = 'analytics.admin@example.test';
const ADMIN_PASSWORD = 'analytics-admin-Secret-42';
type Who = 'owner' | 'head' | 'seller';

describe('analytics end to end', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const people: Record<Who, { userId: string; roles: Role[]; unitId: string | null }> = {
    owner: { userId: '', roles: [Role.Owner], unitId: null },
    head: { userId: '', roles: [Role.SalesHead], unitId: null },
    seller: { userId: '', roles: [Role.Salesperson], unitId: null },
  };

  // `who` is a person of the test or a raw token (the admin's, or empty for the login).
  async function as(who: string, method: string, path: string, body?: unknown) {
    const token = who in people ? tokenFor(people[who as Who]) : who;
    return callApi(system.gatewayUrl, method, path, { token, body });
  }
  async function ok(who: Who, method: string, path: string, body?: unknown): Promise<any> {
    const answer = await as(who, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
    return answer.body;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { ADMIN_EMAIL, ADMIN_PASSWORD }));
    const login = await as('', 'POST', '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const admin = login.body.accessToken as string;
    const user = async (roles: Role[], unitId?: string) =>
      (
        await as(admin, 'POST', '/api/users', {
          email: `${roles[0]}.analytics@example.test`,
          name: `The ${roles[0]}`,
          password: 'user-Secret-pass-77',
          roles,
          ...(unitId ? { unitId } : {}),
        })
      ).body;
    const unit = (await as(admin, 'POST', '/api/units', { name: 'South' })).body;
    const head = await user([Role.SalesHead], unit.id);
    await as(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: head.id });
    people.owner.userId = (await user([Role.Owner])).id;
    const seller = await user([Role.Salesperson], unit.id);
    Object.assign(people.head, { userId: head.id, unitId: unit.id });
    Object.assign(people.seller, { userId: seller.id, unitId: unit.id });
    await waitForDirectoryCopy(db.url, ['approvals', 'prospects', 'notifications'], {
      users: [seller.id],
      heads: [{ headUserId: head.id }],
    });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('counts a few prospects moved through the API in the funnel, plan vs fact and the norms', async () => {
    const software = (await ok('head', 'GET', '/api/product-lines')).items.find((l: any) => l.code === 'software');
    const sample = await ok('head', 'POST', '/api/samples', {
      productLineId: software.id,
      title: 'Wholesalers ordering by phone',
      rationale: 'Mid-size wholesalers losing margin on manual orders',
    });
    const added = await ok('head', 'POST', `/api/samples/${sample.id}/companies`, {
      companies: [{ name: 'Alpha Wholesale' }, { name: 'Beta Wholesale' }, { name: 'Gamma Wholesale' }],
    });
    await ok('head', 'POST', `/api/samples/${sample.id}/submit`, { version: added.sample.version });
    const pending = await waitFor(
      async () =>
        (await as('owner', 'GET', '/api/approvals/pending')).body.items.find((i: any) => i.subjectId === sample.id),
      { what: 'the sample in the owner’s pending list' },
    );
    await ok('owner', 'POST', `/api/approvals/${pending.id}/approve`, { stepIndex: 0 });
    const prospects = await waitFor(
      async () => {
        const items = (await as('owner', 'GET', `/api/prospects?sampleId=${sample.id}`)).body.items;
        return items?.length === 3
          ? [...items].sort((a: any, b: any) => a.companyName.localeCompare(b.companyName))
          : null;
      },
      { what: 'the three prospects' },
    );
    for (const p of prospects)
      await ok('head', 'POST', `/api/prospects/${p.id}/assign`, { version: p.version, ownerId: people.seller.userId });

    const now = new Date();
    const meet = async (id: string) => {
      const dm = await ok('seller', 'POST', `/api/prospects/${id}/contacts`, {
        name: 'Dana Moss',
        position: 'COO',
        isDecisionMaker: true,
        decisionReason: 'Signs contracts',
      });
      const meeting = await ok('seller', 'POST', `/api/prospects/${id}/meetings`, {
        contactId: dm.id,
        scheduledAt: now.toISOString(),
      });
      await ok('seller', 'POST', `/api/prospects/${id}/meetings/${meeting.id}/held`, { heldAt: now.toISOString() });
    };
    // Alpha: meeting held and brief complete; Beta: meeting held; Gamma: lost at primary contact.
    await meet(prospects[0].id);
    const brief = await ok('seller', 'PUT', `/api/prospects/${prospects[0].id}/brief`, {
      sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
      needs: [{ text: 'Order online' }],
    });
    await ok('seller', 'POST', `/api/prospects/${prospects[0].id}/brief/complete`, { version: brief.version });
    await meet(prospects[1].id);
    const gamma = await ok('seller', 'GET', `/api/prospects/${prospects[2].id}`);
    await ok('seller', 'POST', `/api/prospects/${gamma.id}/lose`, { version: gamma.version, reasonCode: 'no_budget' });

    const month = monthKeyOf(now);
    const from = month + '-01';
    const to = addMonthsToKey(month, 1) + '-01';
    const funnel = await ok('head', 'GET', `/api/analytics/funnel?from=${from}&to=${to}`);
    expect(Object.fromEntries(funnel.stages.map((s: any) => [s.stage, s.reached]))).toEqual({
      sampling: 3,
      primary_contact: 3,
      needs_identification: 2,
      offer_formation: 1,
      offer_defence: 0,
      contract: 0,
    });
    expect(funnel.conversions[1]).toMatchObject({ from: 'primary_contact', to: 'needs_identification', rate: 2 / 3 });
    expect(funnel.lostByReason).toEqual([expect.objectContaining({ reason: 'no_budget', total: 1 })]);
    // The salesperson's own funnel: the moves they made (entries through the sample approval belong to the unit).
    const own = await ok('seller', 'GET', `/api/analytics/funnel?from=${from}&to=${to}`);
    expect(own.stages.find((s: any) => s.stage === 'needs_identification').reached).toBe(2);
    const csv = await as('owner', 'GET', `/api/analytics/funnel?from=${from}&to=${to}&format=csv`);
    expect(csv.text).toContain('lost,primary_contact,no_budget,1,');

    await ok('seller', 'PUT', '/api/plans', {
      period: month,
      salespersonId: people.seller.userId,
      stages: { needs_identification: 5, offer_formation: 2 },
    });
    const report = await ok('head', 'GET', `/api/plans/report?fromMonth=${month}&toMonth=${month}`);
    const line = (stage: string) => report.items.find((r: any) => r.key === people.seller.userId && r.stage === stage);
    expect(line('needs_identification')).toMatchObject({ plan: 5, fact: 2, variance: -3 });
    expect(line('offer_formation')).toMatchObject({ plan: 2, fact: 1, variance: -1 });

    // Two meetings held this month are far below 40: once the month is over the sweep tells the salesperson.
    const norms = await ok('seller', 'GET', `/api/analytics/norms?month=${month}`);
    expect(norms.items.find((n: any) => n.norm === 'meetings_held')).toMatchObject({
      value: 2,
      status: 'below',
      breach: true,
    });
    await system.apps.prospects
      .get(NormSweep)
      .run(new Date(monthKeyStart(addMonthsToKey(month, 1)).getTime() + 3_600_000));
    const inbox = await waitFor(
      async () => {
        const items = (await as('seller', 'GET', '/api/notifications')).body?.items ?? [];
        return items.filter((n: any) => n.eventType === 'norm.breached').length >= 1 ? items : null;
      },
      { what: 'a norm.breached notification in the salesperson’s inbox' },
    );
    expect(inbox.filter((n: any) => n.eventType === 'norm.breached').length).toBeGreaterThanOrEqual(1);
    // Running the sweep again sends nothing new.
    await system.apps.prospects
      .get(NormSweep)
      .run(new Date(monthKeyStart(addMonthsToKey(month, 1)).getTime() + 7_200_000));
    // The month's breaches only: the sweep's own timer may also judge another month while the test runs.
    const breaches = await queryOnce(
      db.url,
      `SELECT 1 FROM prospects.outbox
        WHERE job_name = 'norm.breached' AND payload->>'salespersonId' = $1 AND payload->>'period' = $2`,
      [people.seller.userId, month],
    );
    expect(breaches.length).toBe(3);
  });
});
