/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { REQUIRED_BRIEF_SECTIONS, Role } from '@dealgate/domain';
import {
  TestDatabase,
  createTestDatabase,
  queryOnce,
  testEnv,
  tokenFor,
  waitFor,
  expectMatchesContract,
  fetchWithContract,
  waitForDirectoryCopy,
} from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';

// The funnel through the gateway with every service running: the owner approves the sample and the head the offer
// in the approvals service; contracts consumes the defended offer. Runs on Redis with REDIS_URL, else PostgreSQL.
jest.setTimeout(180_000);

const ADMIN_EMAIL = 'funnel.admin@example.test';
const ADMIN_PASSWORD = 'funnel-admin-Secret-42';

type Who = 'owner' | 'head' | 'seller';

describe('the funnel end to end: sample -> approval -> meeting -> brief -> approved offer -> defence -> contract case', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const people: Record<Who, { userId: string; roles: Role[]; unitId: string | null }> = {
    owner: { userId: '', roles: [Role.Owner], unitId: null },
    head: { userId: '', roles: [Role.SalesHead], unitId: null },
    seller: { userId: '', roles: [Role.Salesperson], unitId: null },
  };

  async function http(
    token: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${system.gatewayUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : null;
    expectMatchesContract(method, path, response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed };
  }
  const as = (who: Who, method: string, path: string, body?: unknown) =>
    http(tokenFor(people[who]), method, path, body);
  async function ok(who: Who, method: string, path: string, body?: unknown): Promise<any> {
    const answer = await as(who, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Waits for `who`'s pending approval about `subjectId` and approves its current step. */
  async function approve(who: Who, subjectId: string): Promise<void> {
    const item = await waitFor(
      async () =>
        (await as(who, 'GET', '/api/approvals/pending')).body.items.find((i: any) => i.subjectId === subjectId),
      {
        what: `a pending approval of ${subjectId} for the ${who}`,
      },
    );
    const detail = await ok(who, 'GET', `/api/approvals/${item.id}`);
    await ok(who, 'POST', `/api/approvals/${item.id}/approve`, { stepIndex: detail.currentStepIndex ?? 0 });
  }

  const prospectAt = (id: string, stage: string) =>
    waitFor(async () => ((await as('seller', 'GET', `/api/prospects/${id}`)).body.stage === stage ? true : null), {
      what: `prospect at ${stage}`,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { ADMIN_EMAIL, ADMIN_PASSWORD }));
    const login = await http('', 'POST', '/api/auth/login', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const admin = login.body.accessToken as string;
    const user = async (roles: Role[], unitId?: string) => {
      const r = await http(admin, 'POST', '/api/users', {
        email: `${roles[0]}.funnel@example.test`,
        name: `The ${roles[0]}`,
        password: 'user-Secret-pass-77',
        roles,
        ...(unitId ? { unitId } : {}),
      });
      if (r.status !== 201) throw new Error(`create user: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const unit = (await http(admin, 'POST', '/api/units', { name: 'North' })).body;
    const head = await user([Role.SalesHead], unit.id);
    await http(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: head.id });
    const owner = await user([Role.Owner]);
    const seller = await user([Role.Salesperson], unit.id);
    people.owner.userId = owner.id;
    Object.assign(people.head, { userId: head.id, unitId: unit.id });
    Object.assign(people.seller, { userId: seller.id, unitId: unit.id });
    await waitForDirectoryCopy(db.url, ['approvals', 'prospects'], {
      users: [seller.id],
      heads: [{ headUserId: head.id, unitId: unit.id }],
    });
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('moves a company from the approved sample to a contract case, each stage finished by its result', async () => {
    // Stage 1: the head builds the sample, the owner approves it in the approvals service.
    const lines = await ok('head', 'GET', '/api/product-lines');
    const software = lines.items.find((l: any) => l.code === 'software');
    const sample = await ok('head', 'POST', '/api/samples', {
      productLineId: software.id,
      title: 'Distributors losing margin',
      rationale: 'Mid-size distributors still ordering by phone',
    });
    const form = new FormData();
    form.append(
      'file',
      new Blob(['name,website\nAcme Distribution,acme-distribution.example\nAcme Distribution LLC,\n'], {
        type: 'text/csv',
      }),
      'c.csv',
    );
    const upload = await fetchWithContract(`${system.gatewayUrl}/api/samples/${sample.id}/companies/csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor(people.head)}` },
      body: form,
    });
    const report = await upload.json();
    expect(report).toMatchObject({ accepted: 1, rejected: 1 });
    await ok('head', 'POST', `/api/samples/${sample.id}/submit`, { version: report.sample.version });
    await approve('owner', sample.id);
    const prospect = await waitFor(
      async () => (await as('owner', 'GET', `/api/prospects?sampleId=${sample.id}`)).body.items[0],
      {
        what: 'the prospect of the approved sample',
      },
    );
    expect(prospect).toMatchObject({ stage: 'primary_contact', companyName: 'Acme Distribution' });
    await ok('head', 'POST', `/api/prospects/${prospect.id}/assign`, {
      version: prospect.version,
      ownerId: people.seller.userId,
    });

    // Stage 2: attempts are logged; the meeting with a decision-maker finishes the stage.
    await ok('seller', 'POST', `/api/prospects/${prospect.id}/contact-attempts`, {
      channel: 'call',
      outcome: 'reached',
    });
    expect((await ok('seller', 'GET', `/api/prospects/${prospect.id}`)).stage).toBe('primary_contact');
    const dm = await ok('seller', 'POST', `/api/prospects/${prospect.id}/contacts`, {
      name: 'Dana Moss',
      position: 'COO',
      isDecisionMaker: true,
      decisionReason: 'Signs supply contracts',
    });
    const meeting = await ok('seller', 'POST', `/api/prospects/${prospect.id}/meetings`, {
      contactId: dm.id,
      scheduledAt: '2026-01-10T10:00:00Z',
    });
    expect((await ok('seller', 'GET', `/api/prospects/${prospect.id}`)).stage).toBe('needs_identification');

    // Stage 3: the meeting is held, the brief is complete.
    await ok('seller', 'POST', `/api/prospects/${prospect.id}/meetings/${meeting.id}/held`, {
      heldAt: '2026-01-10T11:00:00Z',
    });
    const brief = await ok('seller', 'PUT', `/api/prospects/${prospect.id}/brief`, {
      sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
      needs: [{ text: 'Order online instead of by phone' }],
    });
    await ok('seller', 'POST', `/api/prospects/${prospect.id}/brief/complete`, { version: brief.version });
    expect((await ok('seller', 'GET', `/api/prospects/${prospect.id}`)).stage).toBe('offer_formation');

    // Stage 4: the offer is approved by the unit's head (the seller, who asked, cannot approve it).
    const offer = await ok('seller', 'POST', `/api/prospects/${prospect.id}/offers`, {
      items: [
        {
          productId: 'portal',
          description: 'Ordering portal',
          quantity: 1,
          unitPriceMinor: 4_500_000,
          currency: 'EUR',
          needIds: [brief.needs[0].id],
        },
      ],
      paymentDays: 30,
      delivery: { text: 'Go-live in six weeks', days: 42 },
      discountPercent: 5,
      validUntil: '2027-03-31',
      clauses: ['sla-99.5'],
    });
    await ok('seller', 'POST', `/api/offers/${offer.id}/submit`, { version: offer.version });
    const pending = await waitFor(
      async () =>
        (await as('head', 'GET', '/api/approvals/pending')).body.items.find((i: any) => i.subjectId === offer.id),
      {
        what: "the offer in the head's pending list",
      },
    );
    expect(
      (await as('seller', 'POST', `/api/approvals/${pending.id}/approve`, { stepIndex: 0 })).status,
    ).toBeGreaterThanOrEqual(400);
    await approve('head', offer.id);
    await prospectAt(prospect.id, 'offer_defence');
    expect((await ok('seller', 'GET', `/api/offers/${offer.id}`)).status).toBe('approved');

    // Stage 5: an e-mail is not a defence; an accepted video meeting is.
    const defence = { heldAt: '2026-02-01T10:00:00Z', attendeeContactIds: [dm.id], outcome: 'accepted' };
    const email = await as('seller', 'POST', `/api/offers/${offer.id}/defences`, { ...defence, channel: 'email' });
    expect(email.status).toBe(422);
    expect(email.body).toMatchObject({ code: 'funnel.defence_channel_refused' });
    expect(email.body.message).toContain('never defended by e-mail');
    expect((await ok('seller', 'GET', `/api/prospects/${prospect.id}`)).stage).toBe('offer_defence');
    const accepted = await ok('seller', 'POST', `/api/offers/${offer.id}/defences`, { ...defence, channel: 'video' });
    expect((await ok('seller', 'GET', `/api/prospects/${prospect.id}`)).stage).toBe('contract');

    // Stage 6: offer.defended is published and contracts opens the case on the approved terms.
    const [published] = await waitFor(
      async () => {
        const rows = await queryOnce<{ sent_at: Date | null; payload: any }>(
          db.url,
          `SELECT sent_at, payload FROM prospects.outbox WHERE job_name = 'offer.defended' AND payload->>'prospectId' = $1`,
          [prospect.id],
        );
        return rows.length === 1 && rows[0].sent_at ? rows : null;
      },
      { what: 'offer.defended published' },
    );
    expect(published.payload).toMatchObject({
      offerId: offer.id,
      defenceId: accepted.id,
      salespersonId: people.seller.userId,
    });
    const caseFound = await waitFor(
      async () => (await as('owner', 'GET', `/api/contracts?prospectId=${prospect.id}`)).body.items?.[0],
      {
        what: 'the contract case',
      },
    );
    expect(caseFound).toMatchObject({ prospectId: prospect.id, offerId: offer.id });

    // The salesperson now only reads the deal; the transition log tells the whole story.
    const write = await as('seller', 'POST', `/api/prospects/${prospect.id}/contacts`, {
      name: 'Late',
      isDecisionMaker: false,
    });
    expect(write.status).toBe(403);
    const log = await ok('owner', 'GET', `/api/prospects/${prospect.id}/transitions`);
    expect(log.map((e: any) => [e.toStage, e.evidenceKind])).toEqual([
      ['primary_contact', 'sample'],
      ['needs_identification', 'meeting'],
      ['offer_formation', 'brief'],
      ['offer_defence', 'offer'],
      ['contract', 'defence'],
    ]);
    expect(log[3].actorId).toBe(people.head.userId);
    expect(log[0].actorId).toBe(people.owner.userId);
    // Each step names its actor as identity knows them (through the funnel's own directory copy).
    expect(log.map((e: any) => e.actorName)).toEqual([
      'The owner',
      'The salesperson',
      'The salesperson',
      'The sales_head',
      'The salesperson',
    ]);
  });
  it('documents the funnel API in the merged OpenAPI document', async () => {
    const doc = (await (await fetch(`${system.gatewayUrl}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, any>>;
    };
    for (const path of [
      '/api/product-lines',
      '/api/samples/{id}/companies/csv',
      '/api/samples/{id}/submit',
      '/api/prospects',
      '/api/prospects/lost-reasons',
      '/api/prospects/{id}/transitions',
      '/api/prospects/{id}/meetings/{meetingId}/held',
      '/api/prospects/{id}/brief',
      '/api/offers/{id}/defences',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(doc.paths['/api/offers/{id}/defences'].post.summary).toContain('in person or video');
  });
});
