/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { REQUIRED_BRIEF_SECTIONS, Role } from '@dealgate/domain';
import { TestDatabase, tokenFor, waitFor, expectMatchesContract, waitForDirectoryCopy } from '@dealgate/testing';
import { RunningSystem } from '../../support/system-harness';

export type Who = 'owner' | 'head' | 'seller' | 'legal' | 'accounting';
export interface Person {
  userId: string;
  roles: Role[];
  unitId: string | null;
}

/** A whole installation seen from its HTTP API: people created by the admin, calls through the gateway. */
export class DealWorld {
  readonly people = {} as Record<Who, Person>;

  constructor(
    private readonly system: RunningSystem,
    private readonly db: TestDatabase,
  ) {}

  async http(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.system.gatewayUrl}${path}`, {
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

  as(who: Who, method: string, path: string, body?: unknown) {
    return this.http(tokenFor(this.people[who]), method, path, body);
  }

  async ok(who: Who, method: string, path: string, body?: unknown): Promise<any> {
    const answer = await this.as(who, method, path, body);
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** The admin creates the unit and the people; waits until every service's directory copy has them. */
  async createPeople(admin: string): Promise<void> {
    const user = async (who: Who, roles: Role[], extra: Record<string, unknown> = {}) => {
      const r = await this.http(admin, 'POST', '/api/users', {
        email: `${who}.contract@example.test`,
        name: `The ${who}`,
        password: 'user-Secret-pass-77',
        roles,
        ...extra,
      });
      if (r.status !== 201) throw new Error(`create user: ${r.status} ${JSON.stringify(r.body)}`);
      this.people[who] = { userId: r.body.id, roles, unitId: (extra.unitId as string | undefined) ?? null };
    };
    const unit = (await this.http(admin, 'POST', '/api/units', { name: 'North' })).body;
    await user('head', [Role.SalesHead], { unitId: unit.id });
    await this.http(admin, 'PATCH', `/api/units/${unit.id}`, {
      version: unit.version,
      headUserId: this.people.head.userId,
    });
    await user('owner', [Role.Owner]);
    await user('seller', [Role.Salesperson], { unitId: unit.id });
    await user('legal', [Role.Legal], { groups: ['legal'], leadOf: ['legal'] });
    await user('accounting', [Role.Accounting], { groups: ['accounting'], leadOf: ['accounting'] });
    await waitForDirectoryCopy(this.db.url, ['approvals', 'prospects', 'contracts'], {
      users: Object.values(this.people).map((p) => p.userId),
      heads: [{ headUserId: this.people.head.userId }],
    });
  }

  /** Waits for `who`'s pending approval about `subjectId` and approves its current step. */
  async approve(who: Who, subjectId: string): Promise<void> {
    const item = await waitFor(
      async () =>
        (await this.as(who, 'GET', '/api/approvals/pending')).body.items.find((i: any) => i.subjectId === subjectId),
      { what: `a pending approval of ${subjectId} for the ${who}` },
    );
    const detail = await this.ok(who, 'GET', `/api/approvals/${item.id}`);
    await this.ok(who, 'POST', `/api/approvals/${item.id}/approve`, { stepIndex: detail.currentStepIndex ?? 0 });
  }

  /** Stages 1 to 5 by their results, ending with an accepted video defence of the approved offer. */
  async defendedDeal(): Promise<{ prospectId: string; offerId: string; terms: any }> {
    const lines = await this.ok('head', 'GET', '/api/product-lines');
    const software = lines.items.find((l: any) => l.code === 'software');
    const sample = await this.ok('head', 'POST', '/api/samples', {
      productLineId: software.id,
      title: 'Distributors losing margin',
      rationale: 'Mid-size distributors still ordering by phone',
    });
    const report = await this.ok('head', 'POST', `/api/samples/${sample.id}/companies`, {
      companies: [{ name: 'Acme Distribution', website: 'acme-distribution.example' }],
    });
    await this.ok('head', 'POST', `/api/samples/${sample.id}/submit`, { version: report.sample.version });
    await this.approve('owner', sample.id);
    const prospect = await waitFor(
      async () => (await this.as('owner', 'GET', `/api/prospects?sampleId=${sample.id}`)).body.items[0],
      { what: 'the prospect of the approved sample' },
    );
    await this.ok('head', 'POST', `/api/prospects/${prospect.id}/assign`, {
      version: prospect.version,
      ownerId: this.people.seller.userId,
    });
    const dm = await this.ok('seller', 'POST', `/api/prospects/${prospect.id}/contacts`, {
      name: 'Dana Moss',
      position: 'COO',
      isDecisionMaker: true,
      decisionReason: 'Signs supply contracts',
    });
    const meeting = await this.ok('seller', 'POST', `/api/prospects/${prospect.id}/meetings`, {
      contactId: dm.id,
      scheduledAt: '2026-01-10T10:00:00Z',
    });
    await this.ok('seller', 'POST', `/api/prospects/${prospect.id}/meetings/${meeting.id}/held`, {
      heldAt: '2026-01-10T11:00:00Z',
    });
    const brief = await this.ok('seller', 'PUT', `/api/prospects/${prospect.id}/brief`, {
      sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
      needs: [{ text: 'Order online instead of by phone' }],
    });
    await this.ok('seller', 'POST', `/api/prospects/${prospect.id}/brief/complete`, { version: brief.version });
    const terms = {
      items: [
        {
          productId: 'portal',
          description: 'Ordering portal',
          quantity: 1,
          unitPriceMinor: 4_500_000,
          currency: 'EUR',
        },
      ],
      paymentDays: 30,
      delivery: { text: 'Go-live in six weeks', days: 42 },
      discountPercent: 5,
      validUntil: '2027-03-31',
      clauses: ['sla-99.5'],
    };
    const offer = await this.ok('seller', 'POST', `/api/prospects/${prospect.id}/offers`, {
      ...terms,
      items: terms.items.map((i) => ({ ...i, needIds: [brief.needs[0].id] })),
    });
    await this.ok('seller', 'POST', `/api/offers/${offer.id}/submit`, { version: offer.version });
    await this.approve('head', offer.id);
    await waitFor(
      async () => (await this.as('seller', 'GET', `/api/prospects/${prospect.id}`)).body.stage === 'offer_defence',
      {
        what: 'the prospect at offer defence',
      },
    );
    await this.ok('seller', 'POST', `/api/offers/${offer.id}/defences`, {
      heldAt: '2026-02-01T10:00:00Z',
      attendeeContactIds: [dm.id],
      outcome: 'accepted',
      channel: 'video',
    });
    return { prospectId: prospect.id, offerId: offer.id, terms };
  }
}
