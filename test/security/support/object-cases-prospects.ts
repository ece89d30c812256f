import { randomUUID } from 'node:crypto';
import { REQUIRED_BRIEF_SECTIONS, Role } from '@dealgate/domain';
import { queryOnce, waitFor, callApi } from '@dealgate/testing';
import { CreatedUser, USER_PASSWORD, createUnit, login } from './identity-fixtures';
import { ObjectCase, ObjectCaseContext, ObjectStep, createProductLine, inDirectory, ok } from './object-case';

type Person = CreatedUser & { token: string };

/**
 * One unit with its head and the salesperson who owns the prospects; a colleague in the same unit; a salesperson
 * and a head of another unit (the "foreign" callers of the same roles); the owner. Prospects come from one
 * approved sample, all assigned to the salesperson; each case takes fresh ones.
 */
interface FunnelWorld {
  productLineId: string;
  head: Person;
  seller: Person;
  colleague: Person;
  farSeller: Person;
  farHead: Person;
  owner: Person;
  prospects: string[];
}

const PROSPECT_COUNT = 32;
const worlds = new WeakMap<ObjectCaseContext, Promise<FunnelWorld>>();

async function buildWorld(ctx: ObjectCaseContext): Promise<FunnelWorld> {
  const tag = randomUUID().slice(0, 8);
  const head0 = await ctx.userWith([Role.SalesHead]);
  const farHead0 = await ctx.userWith([Role.SalesHead]);
  const unit = await createUnit(ctx.url, ctx.admin, `Object unit ${tag}`, head0.id);
  const farUnit = await createUnit(ctx.url, ctx.admin, `Object far unit ${tag}`, farHead0.id);
  // Tokens carry the unit: the heads log in again now that heading a unit moved them into it.
  const head = { ...head0, token: (await login(ctx.url, head0.email, USER_PASSWORD)).accessToken };
  const farHead = { ...farHead0, token: (await login(ctx.url, farHead0.email, USER_PASSWORD)).accessToken };
  const seller = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
  const colleague = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
  const farSeller = await ctx.userWith([Role.Salesperson], { unitId: farUnit.id });
  const owner = await ctx.userWith([Role.Owner]);
  for (const schema of ['prospects', 'approvals']) {
    await inDirectory(ctx, schema, [head, farHead, seller, colleague, farSeller, owner]);
    await waitFor(
      async () =>
        (
          await queryOnce(
            ctx.dbUrl,
            `SELECT 1 FROM "${schema}".directory_unit WHERE (unit_id, head_user_id) IN (($1, $2), ($3, $4))`,
            [unit.id, head.id, farUnit.id, farHead.id],
          )
        ).length === 2,
      { what: `the unit heads in ${schema}` },
    );
  }
  const line = await createProductLine(ctx);
  const sample = ok(
    await callApi(ctx.url, 'POST', '/api/samples', {
      token: head.token,
      body: { productLineId: line.id, title: 'Object cases', rationale: 'Mills buying drives' },
    }),
    'sample',
  );
  const added = (
    await callApi<{ sample: { version: number } }>(ctx.url, 'POST', `/api/samples/${sample.id}/companies`, {
      token: head.token,
      body: { companies: Array.from({ length: PROSPECT_COUNT }, (_, i) => ({ name: `Object ${tag} ${i}` })) },
    })
  ).body;
  ok(
    await callApi(ctx.url, 'POST', `/api/samples/${sample.id}/submit`, {
      token: head.token,
      body: { version: added.sample.version },
    }),
    'submit sample',
  );
  await approveAs(ctx, owner.token, sample.id);
  const items = await waitFor(
    async () => {
      const page = (
        await callApi<{ items: { id: string; version: number }[] }>(
          ctx.url,
          'GET',
          `/api/prospects?sampleId=${sample.id}&limit=100`,
          { token: owner.token },
        )
      ).body;
      return page.items.length === PROSPECT_COUNT ? page.items : null;
    },
    { what: 'the prospects of the approved sample' },
  );
  ok(
    await callApi(ctx.url, 'POST', '/api/prospects/assignments', {
      token: head.token,
      body: { ownerId: seller.id, prospects: items.map((p) => ({ id: p.id, version: p.version })) },
    }),
    'assign',
  );
  return {
    productLineId: line.id,
    head,
    seller,
    colleague,
    farSeller,
    farHead,
    owner,
    prospects: items.map((p) => p.id),
  };
}

function worldOf(ctx: ObjectCaseContext): Promise<FunnelWorld> {
  if (!worlds.has(ctx)) worlds.set(ctx, buildWorld(ctx));
  return worlds.get(ctx)!;
}

/** The shared world, built once per run, and a prospect no other case has touched. */
async function freshProspect(ctx: ObjectCaseContext): Promise<{ world: FunnelWorld; id: string }> {
  const world = await worldOf(ctx);
  const id = world.prospects.shift();
  if (!id) throw new Error('object cases: raise PROSPECT_COUNT');
  return { world, id };
}

/** Waits for `token`'s pending approval of `subjectId` and approves its current step. */
async function approveAs(ctx: ObjectCaseContext, token: string, subjectId: string): Promise<void> {
  const request = await pendingFor(ctx, token, subjectId);
  ok(
    await callApi(ctx.url, 'POST', `/api/approvals/${request.id}/approve`, { token, body: { stepIndex: 0 } }),
    'approve',
  );
}

async function pendingFor(ctx: ObjectCaseContext, token: string, subjectId: string): Promise<{ id: string }> {
  return waitFor(
    async () =>
      (
        await callApi<{ items: { id: string; subjectId: string }[] }>(ctx.url, 'GET', '/api/approvals/pending', {
          token,
        })
      ).body.items.find((i) => i.subjectId === subjectId),
    { what: `a pending approval of ${subjectId}` },
  );
}

const versionOf = async (ctx: ObjectCaseContext, token: string, path: string) =>
  ok(await callApi(ctx.url, 'GET', path, { token }), `read ${path}`).version;

/** Moves one prospect of the world forward through the funnel by its results, as its salesperson. */
class Deal {
  contactId = '';
  meetingId = '';
  needId = '';
  briefVersion = 0;
  offerId = '';
  offerVersion = 0;

  constructor(
    private readonly ctx: ObjectCaseContext,
    readonly world: FunnelWorld,
    readonly id: string,
  ) {}

  static async fresh(ctx: ObjectCaseContext): Promise<Deal> {
    const { world, id } = await freshProspect(ctx);
    return new Deal(ctx, world, id);
  }

  get path() {
    return `/api/prospects/${this.id}`;
  }

  private async as<T>(method: string, path: string, body?: unknown): Promise<T> {
    return ok(
      await callApi(this.ctx.url, method, path, { token: this.world.seller.token, body }),
      `${method} ${path}`,
    ) as T;
  }

  async contact(): Promise<this> {
    this.contactId = (
      await this.as<{ id: string }>('POST', `${this.path}/contacts`, {
        name: 'Dana Moss',
        position: 'COO',
        isDecisionMaker: true,
        decisionReason: 'Signs supply contracts',
      })
    ).id;
    return this;
  }

  async meeting(): Promise<this> {
    if (!this.contactId) await this.contact();
    this.meetingId = (
      await this.as<{ id: string }>('POST', `${this.path}/meetings`, {
        contactId: this.contactId,
        scheduledAt: '2026-01-10T10:00:00Z',
      })
    ).id;
    return this;
  }

  async held(): Promise<this> {
    if (!this.meetingId) await this.meeting();
    await this.as('POST', `${this.path}/meetings/${this.meetingId}/held`, { heldAt: '2026-01-10T11:00:00Z' });
    return this;
  }

  async brief(): Promise<this> {
    if (!this.meetingId) await this.held();
    const brief = await this.as<{ version: number; needs: { id: string }[] }>('PUT', `${this.path}/brief`, {
      sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
      needs: [{ text: 'Order online instead of by phone' }],
    });
    this.briefVersion = brief.version;
    this.needId = brief.needs[0].id;
    return this;
  }

  async completeBrief(): Promise<this> {
    if (!this.needId) await this.brief();
    this.briefVersion = (
      await this.as<{ version: number }>('POST', `${this.path}/brief/complete`, { version: this.briefVersion })
    ).version;
    return this;
  }

  offerTerms() {
    return {
      items: [
        {
          productId: 'portal',
          description: 'Ordering portal',
          quantity: 1,
          unitPriceMinor: 4_500_000,
          currency: 'EUR',
          needIds: [this.needId],
        },
      ],
      paymentDays: 30,
      delivery: { text: 'Go-live in six weeks', days: 42 },
      discountPercent: 5,
      validUntil: '2027-03-31',
      clauses: ['sla-99.5'],
    };
  }

  async offer(): Promise<this> {
    await this.completeBrief();
    const offer = await this.as<{ id: string; version: number }>('POST', `${this.path}/offers`, this.offerTerms());
    this.offerId = offer.id;
    this.offerVersion = offer.version;
    return this;
  }

  async submitted(): Promise<this> {
    if (!this.offerId) await this.offer();
    this.offerVersion = (
      await this.as<{ version: number }>('POST', `/api/offers/${this.offerId}/submit`, { version: this.offerVersion })
    ).version;
    return this;
  }

  /** Submitted and approved by the head of the unit (in the approvals service). */
  async approved(): Promise<this> {
    await this.submitted();
    await approveAs(this.ctx, this.world.head.token, this.offerId);
    await waitFor(
      async () =>
        (
          await callApi<{ status: string; version: number }>(this.ctx.url, 'GET', `/api/offers/${this.offerId}`, {
            token: this.world.seller.token,
          })
        ).body.status === 'approved',
      { what: 'the offer approved' },
    );
    this.offerVersion = await versionOf(this.ctx, this.world.seller.token, `/api/offers/${this.offerId}`);
    return this;
  }

  defence(channel = 'video') {
    return {
      heldAt: '2026-02-01T10:00:00Z',
      channel,
      attendeeContactIds: [this.contactId],
      outcome: 'accepted',
    };
  }

  async defended(): Promise<this> {
    await this.approved();
    await this.as('POST', `/api/offers/${this.offerId}/defences`, this.defence());
    return this;
  }

  version(): Promise<number> {
    return versionOf(this.ctx, this.world.seller.token, this.path);
  }
}

/**
 * The same call as the salesperson of another unit, the head of another unit and a colleague in the same unit
 * (each 404: they may not even see the prospect), then as `own` with the expected status.
 */
function foreignThenOwn(
  deal: Deal,
  method: string,
  path: string,
  body: unknown,
  own: { label?: string; token?: string; expect: number; check?: ObjectStep['check'] },
  strangers: ('farSeller' | 'farHead' | 'colleague')[] = ['farSeller', 'farHead', 'colleague'],
): ObjectStep[] {
  return [
    ...strangers.map((who) => ({ label: who, method, path, body, token: deal.world[who].token, expect: 404 })),
    {
      label: own.label ?? 'the salesperson of the prospect',
      method,
      path,
      body,
      token: own.token ?? deal.world.seller.token,
      expect: own.expect,
      check: own.check,
    },
  ];
}

const listOf = (n: number) => (body: unknown) => Array.isArray(body) && body.length === n;

/**
 * Unit and owner scope in the prospects service: sub-resources and actions of a prospect, its offers, draft samples
 * and plans; and the approval requests its offers raise (approvals service).
 */
export const PROSPECT_CASES: ObjectCase[] = [
  {
    name: 'prospect contacts: the salesperson adds one (201); another unit or a colleague gets 404',
    route: 'POST /api/prospects/:id/contacts',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      const body = { name: 'Eve Stone', position: 'CFO', isDecisionMaker: true, decisionReason: 'Holds the budget' };
      return [
        ...foreignThenOwn(deal, 'POST', `${deal.path}/contacts`, body, { expect: 201 }),
        {
          label: 'head of the unit',
          method: 'GET',
          path: `${deal.path}/contacts`,
          token: deal.world.head.token,
          expect: 200,
          check: listOf(1),
        },
      ];
    },
  },
  {
    name: 'prospect contacts list: the salesperson, the head and the owner read it; strangers get 404',
    route: 'GET /api/prospects/:id/contacts',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).contact();
      const path = `${deal.path}/contacts`;
      return [
        ...foreignThenOwn(deal, 'GET', path, undefined, { expect: 200, check: listOf(1) }),
        { label: 'head of the unit', method: 'GET', path, token: deal.world.head.token, expect: 200 },
        { label: 'owner', method: 'GET', path, token: deal.world.owner.token, expect: 200 },
      ];
    },
  },
  {
    name: 'contact attempts: the salesperson logs one (201); strangers get 404 and log nothing',
    route: 'POST /api/prospects/:id/contact-attempts',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      const path = `${deal.path}/contact-attempts`;
      return [
        ...foreignThenOwn(deal, 'POST', path, { channel: 'call', outcome: 'reached' }, { expect: 201 }),
        {
          label: 'only the own attempt was logged',
          method: 'GET',
          path,
          token: deal.world.seller.token,
          expect: 200,
          check: (b) => (b as { total: number }).total === 1,
        },
      ];
    },
  },
  {
    name: 'contact attempts list: the salesperson reads it; strangers get 404',
    route: 'GET /api/prospects/:id/contact-attempts',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      return foreignThenOwn(deal, 'GET', `${deal.path}/contact-attempts`, undefined, { expect: 200 });
    },
  },
  {
    name: 'meetings: the salesperson schedules one with a decision-maker (201); strangers get 404',
    route: 'POST /api/prospects/:id/meetings',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).contact();
      const body = { contactId: deal.contactId, scheduledAt: '2026-01-12T10:00:00Z' };
      return foreignThenOwn(deal, 'POST', `${deal.path}/meetings`, body, { expect: 201 });
    },
  },
  {
    name: 'meetings list: the salesperson reads it; strangers get 404',
    route: 'GET /api/prospects/:id/meetings',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).meeting();
      return foreignThenOwn(deal, 'GET', `${deal.path}/meetings`, undefined, { expect: 200, check: listOf(1) });
    },
  },
  {
    name: 'meeting held: the salesperson marks it (200); strangers get 404; a meeting of another prospect 404',
    route: 'POST /api/prospects/:id/meetings/:meetingId/held',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).meeting();
      const other = await (await Deal.fresh(ctx)).meeting();
      const body = { heldAt: '2026-01-10T11:00:00Z' };
      return [
        {
          label: "own prospect, another prospect's meeting",
          method: 'POST',
          path: `${deal.path}/meetings/${other.meetingId}/held`,
          body,
          token: deal.world.seller.token,
          expect: 404,
        },
        ...foreignThenOwn(deal, 'POST', `${deal.path}/meetings/${deal.meetingId}/held`, body, { expect: 200 }),
      ];
    },
  },
  {
    name: 'meeting cancel: the salesperson cancels (200); strangers get 404',
    route: 'POST /api/prospects/:id/meetings/:meetingId/cancel',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).meeting();
      const path = `${deal.path}/meetings/${deal.meetingId}/cancel`;
      return foreignThenOwn(deal, 'POST', path, { reason: 'They postponed' }, { expect: 200 });
    },
  },
  {
    name: 'meeting reschedule: the salesperson moves it (200); strangers get 404',
    route: 'POST /api/prospects/:id/meetings/:meetingId/reschedule',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).meeting();
      const path = `${deal.path}/meetings/${deal.meetingId}/reschedule`;
      return foreignThenOwn(deal, 'POST', path, { scheduledAt: '2026-01-20T10:00:00Z' }, { expect: 200 });
    },
  },
  {
    name: 'brief: the salesperson, the head and the owner read it; strangers get 404',
    route: 'GET /api/prospects/:id/brief',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).brief();
      const path = `${deal.path}/brief`;
      return [
        ...foreignThenOwn(deal, 'GET', path, undefined, { expect: 200 }),
        { label: 'head of the unit', method: 'GET', path, token: deal.world.head.token, expect: 200 },
      ];
    },
  },
  {
    name: 'brief save: the salesperson writes it (200); strangers get 404',
    route: 'PUT /api/prospects/:id/brief',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).held();
      const body = {
        sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, `Notes on ${s}`])),
        needs: [{ text: 'Fewer phone orders' }],
      };
      return foreignThenOwn(deal, 'PUT', `${deal.path}/brief`, body, { expect: 200 });
    },
  },
  {
    name: 'brief complete: the salesperson completes it (200); strangers get 404',
    route: 'POST /api/prospects/:id/brief/complete',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).brief();
      return foreignThenOwn(
        deal,
        'POST',
        `${deal.path}/brief/complete`,
        { version: deal.briefVersion },
        { expect: 200 },
      );
    },
  },
  {
    name: 'transition log: the salesperson, the head and the owner read it; strangers get 404',
    route: 'GET /api/prospects/:id/transitions',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      const path = `${deal.path}/transitions`;
      return [
        ...foreignThenOwn(deal, 'GET', path, undefined, { expect: 200, check: listOf(1) }),
        { label: 'owner', method: 'GET', path, token: deal.world.owner.token, expect: 200 },
      ];
    },
  },
  {
    name: 'assign: the head of the unit reassigns (200); the head of another unit gets 404',
    route: 'POST /api/prospects/:id/assign',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      const version = await deal.version();
      const body = { version, ownerId: deal.world.colleague.id };
      const bulk = (ownerId: string) => ({ ownerId, prospects: [{ id: deal.id, version }] });
      return [
        {
          label: 'head of another unit, in bulk, to their own salesperson',
          method: 'POST',
          path: '/api/prospects/assignments',
          body: bulk(deal.world.farSeller.id),
          token: deal.world.farHead.token,
          expect: 404,
        },
        {
          label: 'head of the unit, to a salesperson of another unit',
          method: 'POST',
          path: `${deal.path}/assign`,
          body: { version, ownerId: deal.world.farSeller.id },
          token: deal.world.head.token,
          expect: 422,
        },
        ...foreignThenOwn(
          deal,
          'POST',
          `${deal.path}/assign`,
          body,
          { label: 'head of the unit', token: deal.world.head.token, expect: 200 },
          ['farHead'],
        ),
      ];
    },
  },
  {
    name: 'lose: the salesperson closes their prospect (200), then may not write it (403); strangers get 404',
    route: 'POST /api/prospects/:id/lose',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      const body = { version: await deal.version(), reasonCode: 'no_budget' };
      return [
        ...foreignThenOwn(deal, 'POST', `${deal.path}/lose`, body, { expect: 200 }),
        {
          label: 'the salesperson on their lost prospect (read-only)',
          method: 'POST',
          path: `${deal.path}/contact-attempts`,
          body: { channel: 'call', outcome: 'reached' },
          token: deal.world.seller.token,
          expect: 403,
        },
      ];
    },
  },
  {
    name: 'reopen: the head of the unit reopens a lost prospect (200); the head of another unit gets 404',
    route: 'POST /api/prospects/:id/reopen',
    async run(ctx) {
      const deal = await Deal.fresh(ctx);
      ok(
        await callApi(ctx.url, 'POST', `${deal.path}/lose`, {
          token: deal.world.seller.token,
          body: { version: await deal.version(), reasonCode: 'no_budget' },
        }),
        'lose',
      );
      const body = { version: await deal.version() };
      return foreignThenOwn(
        deal,
        'POST',
        `${deal.path}/reopen`,
        body,
        { label: 'head of the unit', token: deal.world.head.token, expect: 200 },
        ['farHead'],
      );
    },
  },
  {
    name: 'offer draft: the salesperson drafts it from the completed brief (201); strangers get 404',
    route: 'POST /api/prospects/:id/offers',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).completeBrief();
      return foreignThenOwn(deal, 'POST', `${deal.path}/offers`, deal.offerTerms(), { expect: 201 });
    },
  },
  {
    name: "a prospect's offers: the salesperson reads them; strangers get 404",
    route: 'GET /api/prospects/:id/offers',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).offer();
      return foreignThenOwn(deal, 'GET', `${deal.path}/offers`, undefined, { expect: 200, check: listOf(1) });
    },
  },
  {
    name: 'offer: the salesperson, the head and the owner read it; strangers get 404',
    route: 'GET /api/offers/:id',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).offer();
      const path = `/api/offers/${deal.offerId}`;
      return [
        ...foreignThenOwn(deal, 'GET', path, undefined, { expect: 200 }),
        { label: 'head of the unit', method: 'GET', path, token: deal.world.head.token, expect: 200 },
        { label: 'owner', method: 'GET', path, token: deal.world.owner.token, expect: 200 },
        ...(['farSeller', 'farHead', 'colleague'] as const).map((who): ObjectStep => ({
          label: `${who} lists offers of the prospect: nothing`,
          method: 'GET',
          path: `/api/offers?prospectId=${deal.id}`,
          token: deal.world[who].token,
          expect: 200,
          check: (b) => (b as { total: number }).total === 0,
        })),
      ];
    },
  },
  {
    name: 'offer edit: the salesperson edits the draft (200); strangers get 404',
    route: 'PATCH /api/offers/:id',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).offer();
      const body = { ...deal.offerTerms(), paymentDays: 45, version: deal.offerVersion };
      return foreignThenOwn(deal, 'PATCH', `/api/offers/${deal.offerId}`, body, { expect: 200 });
    },
  },
  {
    name: 'offer submit: the salesperson sends it for approval (200); strangers get 404',
    route: 'POST /api/offers/:id/submit',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).offer();
      const path = `/api/offers/${deal.offerId}/submit`;
      return foreignThenOwn(deal, 'POST', path, { version: deal.offerVersion }, { expect: 200 });
    },
  },
  {
    name: 'offer revision: the salesperson revises the approved offer (201); strangers get 404',
    route: 'POST /api/offers/:id/revisions',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).approved();
      const path = `/api/offers/${deal.offerId}/revisions`;
      return foreignThenOwn(deal, 'POST', path, { version: deal.offerVersion }, { expect: 201 });
    },
  },
  {
    name: 'defence: the salesperson records it (201) and then only reads the deal (403); strangers get 404',
    route: 'POST /api/offers/:id/defences',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).approved();
      const lawyer = await ctx.userWith([Role.Legal], { groups: ['legal'] });
      const path = `/api/offers/${deal.offerId}/defences`;
      const offerVersion = deal.offerVersion;
      // Every write after the handover, as the salesperson (read-only now) and as legal (read-only on the funnel).
      const writes: [string, string, unknown][] = [
        ['PATCH', `/api/offers/${deal.offerId}`, { ...deal.offerTerms(), version: offerVersion }],
        ['POST', `/api/offers/${deal.offerId}/revisions`, { version: offerVersion }],
        ['POST', `/api/offers/${deal.offerId}/submit`, { version: offerVersion }],
        ['POST', path, deal.defence()],
        ['POST', `${deal.path}/contact-attempts`, { channel: 'call', outcome: 'reached' }],
        ['POST', `${deal.path}/meetings`, { contactId: deal.contactId, scheduledAt: '2026-03-01T10:00:00Z' }],
        ['POST', `${deal.path}/meetings/${deal.meetingId}/cancel`, { reason: 'Late' }],
        ['POST', `${deal.path}/brief/complete`, { version: deal.briefVersion }],
      ];
      const readOnly = (who: string, token: string): ObjectStep[] =>
        writes.map(([method, p, body]) => ({
          label: `${who}: ${method} ${p}`,
          method,
          path: p,
          body,
          token,
          expect: 403,
        }));
      return [
        ...foreignThenOwn(deal, 'POST', path, deal.defence(), { expect: 201 }),
        {
          label: 'the salesperson reads the handed-over prospect',
          method: 'GET',
          path: deal.path,
          token: deal.world.seller.token,
          expect: 200,
        },
        {
          label: 'the salesperson may not change it after the defence',
          method: 'POST',
          path: `${deal.path}/contacts`,
          body: { name: 'Late', isDecisionMaker: false },
          token: deal.world.seller.token,
          expect: 403,
        },
        ...readOnly('the salesperson after the defence', deal.world.seller.token),
        {
          label: 'legal reads the handed-over prospect',
          method: 'GET',
          path: deal.path,
          token: lawyer.token,
          expect: 200,
        },
        ...readOnly('legal', lawyer.token),
        {
          label: 'nor edit the brief',
          method: 'PUT',
          path: `${deal.path}/brief`,
          body: {
            version: deal.briefVersion,
            sections: Object.fromEntries(REQUIRED_BRIEF_SECTIONS.map((s) => [s, 'Late'])),
            needs: [{ text: 'Late' }],
          },
          token: deal.world.seller.token,
          expect: 403,
        },
      ];
    },
  },
  {
    name: 'defences list: the salesperson reads them; strangers get 404',
    route: 'GET /api/offers/:id/defences',
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).defended();
      const path = `/api/offers/${deal.offerId}/defences`;
      return foreignThenOwn(deal, 'GET', path, undefined, { expect: 200, check: listOf(1) });
    },
  },
  {
    name: 'offer approval requests: the head of the unit reads and approves, the requester recalls; others get 404',
    route: 'GET /api/approvals/:id',
    alsoCovers: ['POST /api/approvals/:id/recall'],
    async run(ctx) {
      const deal = await (await Deal.fresh(ctx)).submitted();
      const { world } = deal;
      const request = await pendingFor(ctx, world.head.token, deal.offerId);
      const path = `/api/approvals/${request.id}`;
      const approve = { stepIndex: 0 };
      const reject = { stepIndex: 0, comment: 'Not ours' };
      const stranger = (label: string, token: string, method: string, sub: string, body?: unknown): ObjectStep => ({
        label,
        method,
        path: `${path}${sub}`,
        token,
        body,
        expect: 404,
      });
      return [
        { label: 'head of the unit reads it', method: 'GET', path, token: world.head.token, expect: 200 },
        { label: 'the requester reads it', method: 'GET', path, token: world.seller.token, expect: 200 },
        { label: 'owner reads it', method: 'GET', path, token: world.owner.token, expect: 200 },
        stranger('head of another unit reads', world.farHead.token, 'GET', ''),
        stranger('salesperson of another unit reads', world.farSeller.token, 'GET', ''),
        stranger('colleague reads', world.colleague.token, 'GET', ''),
        stranger('head of another unit approves', world.farHead.token, 'POST', '/approve', approve),
        stranger('head of another unit rejects', world.farHead.token, 'POST', '/reject', reject),
        stranger('colleague recalls', world.colleague.token, 'POST', '/recall', {}),
        stranger('head of another unit recalls', world.farHead.token, 'POST', '/recall', {}),
        {
          label: 'head of the unit may not recall what they did not ask',
          method: 'POST',
          path: `${path}/recall`,
          token: world.head.token,
          body: {},
          expect: 403,
        },
        ...(['farHead', 'farSeller', 'colleague'] as const).flatMap((who): ObjectStep[] => [
          {
            label: `${who} lists by subject: nothing`,
            method: 'GET',
            path: `/api/approvals?subjectId=${deal.offerId}`,
            token: world[who].token,
            expect: 200,
            check: (b) => (b as { total: number }).total === 0,
          },
          {
            label: `${who} reads the history: nothing`,
            method: 'GET',
            path: `/api/approvals/history?subjectId=${deal.offerId}`,
            token: world[who].token,
            expect: 200,
            check: (b) => (b as { total: number }).total === 0,
          },
        ]),
        {
          label: 'the requester may not approve their own request',
          method: 'POST',
          path: `${path}/approve`,
          token: world.seller.token,
          body: approve,
          expect: 403,
        },
        {
          label: 'the requester recalls it',
          method: 'POST',
          path: `${path}/recall`,
          token: world.seller.token,
          body: {},
          expect: 200,
        },
      ];
    },
  },
  {
    name: 'approval decisions: the head of the unit approves (200) or rejects (200); the head of another unit gets 404',
    route: 'POST /api/approvals/:id/approve',
    alsoCovers: ['POST /api/approvals/:id/reject'],
    async run(ctx) {
      const approveDeal = await (await Deal.fresh(ctx)).submitted();
      const rejectDeal = await (await Deal.fresh(ctx)).submitted();
      const { world } = approveDeal;
      const toApprove = await pendingFor(ctx, world.head.token, approveDeal.offerId);
      const toReject = await pendingFor(ctx, world.head.token, rejectDeal.offerId);
      const steps: ObjectStep[] = [];
      for (const [request, action, body] of [
        [toApprove, 'approve', { stepIndex: 0 }],
        [toReject, 'reject', { stepIndex: 0, comment: 'Discount too deep' }],
      ] as const) {
        const path = `/api/approvals/${request.id}/${action}`;
        steps.push(
          {
            label: `head of another unit: ${action}`,
            method: 'POST',
            path,
            token: world.farHead.token,
            body,
            expect: 404,
          },
          {
            label: `salesperson of another unit: ${action}`,
            method: 'POST',
            path,
            token: world.farSeller.token,
            body,
            expect: 404,
          },
          { label: `colleague: ${action}`, method: 'POST', path, token: world.colleague.token, body, expect: 404 },
          { label: `head of the unit: ${action}`, method: 'POST', path, token: world.head.token, body, expect: 200 },
          { label: `again: ${action} (closed)`, method: 'POST', path, token: world.head.token, body, expect: 409 },
        );
      }
      return steps;
    },
  },
  {
    name: 'draft samples: the author edits, adds and removes companies, submits; a colleague and another unit get 404',
    route: 'PATCH /api/samples/:id',
    alsoCovers: [
      'POST /api/samples/:id/companies',
      'POST /api/samples/:id/companies/csv',
      'DELETE /api/samples/:id/companies/:companyId',
      'POST /api/samples/:id/submit',
    ],
    async run(ctx) {
      const world = await worldOf(ctx);
      const sample = ok(
        await callApi(ctx.url, 'POST', '/api/samples', {
          token: world.seller.token,
          body: { productLineId: world.productLineId, title: 'Seller sample', rationale: 'Drives for mills' },
        }),
        'sample',
      );
      const path = `/api/samples/${sample.id}`;
      const added = (
        await callApi<{ sample: { version: number } }>(ctx.url, 'POST', `${path}/companies`, {
          token: world.seller.token,
          body: {
            companies: [{ name: `Keep ${randomUUID().slice(0, 8)}` }, { name: `Drop ${randomUUID().slice(0, 8)}` }],
          },
        })
      ).body;
      const companies = (
        await callApi<{ companies: { id: string; name: string }[] }>(ctx.url, 'GET', path, {
          token: world.seller.token,
        })
      ).body.companies;
      const drop = companies.find((c) => c.name.startsWith('Drop'))!;
      const strangers = (method: string, sub: string, body?: unknown): ObjectStep[] =>
        (['colleague', 'farSeller', 'farHead'] as const).map((who) => ({
          label: `${who}: ${method} ${sub || 'sample'}`,
          method,
          path: `${path}${sub}`,
          body,
          token: world[who].token,
          expect: 404,
        }));
      const own = (method: string, sub: string, expect: number, body?: unknown): ObjectStep => ({
        label: `author: ${method} ${sub || 'sample'}`,
        method,
        path: `${path}${sub}`,
        body,
        token: world.seller.token,
        expect,
      });
      const version = added.sample.version;
      const csv = {
        rawBody: [
          '--object-case',
          'Content-Disposition: form-data; name="file"; filename="companies.csv"',
          'Content-Type: text/csv',
          '',
          `name\nCsv ${randomUUID().slice(0, 8)}`,
          '--object-case--',
          '',
        ].join('\r\n'),
        headers: { 'content-type': 'multipart/form-data; boundary=object-case' },
      };
      const more = { companies: [{ name: `More ${randomUUID().slice(0, 8)}` }] };
      return [
        ...strangers('GET', ''),
        ...strangers('PATCH', '', { version, title: 'Renamed' }),
        own('PATCH', '', 200, { version, title: 'Renamed' }),
        ...strangers('POST', '/companies', more),
        own('POST', '/companies', 201, more),
        ...strangers('DELETE', `/companies/${drop.id}?version=${version + 2}`),
        own('DELETE', `/companies/${drop.id}?version=${version + 2}`, 200),
        ...strangers('POST', '/companies/csv').map((step) => ({ ...step, ...csv })),
        { ...own('POST', '/companies/csv', 201), ...csv },
        ...strangers('POST', '/submit', { version: version + 4 }),
        own('POST', '/submit', 200, { version: version + 4 }),
        own('PATCH', '', 409, { version: version + 5, title: 'Too late' }),
      ];
    },
  },
  {
    name: 'plans: a salesperson plans for themselves, the head for the unit (200); for anyone else 404',
    route: 'PUT /api/plans',
    async run(ctx) {
      const world = await worldOf(ctx);
      const plan = (salespersonId: string) => ({ period: '2026-12', salespersonId, stages: { primary_contact: 5 } });
      const put = (label: string, token: string, salespersonId: string, expect: number): ObjectStep => ({
        label,
        method: 'PUT',
        path: '/api/plans',
        token,
        body: plan(salespersonId),
        expect,
      });
      const list = (label: string, token: string, salespersonId: string, expect: number): ObjectStep => ({
        label,
        method: 'GET',
        path: `/api/plans?salespersonId=${salespersonId}`,
        token,
        expect,
      });
      return [
        put('salesperson for a colleague', world.colleague.token, world.seller.id, 404),
        put('salesperson of another unit', world.farSeller.token, world.seller.id, 404),
        put('head of another unit', world.farHead.token, world.seller.id, 404),
        put('the salesperson for themselves', world.seller.token, world.seller.id, 200),
        put('head of the unit', world.head.token, world.seller.id, 200),
        put('owner', world.owner.token, world.seller.id, 200),
        list('colleague reads the plan', world.colleague.token, world.seller.id, 404),
        list('head of another unit reads the plan', world.farHead.token, world.seller.id, 404),
        ...(
          [
            ['colleague', world.colleague.token, 404],
            ['head of another unit', world.farHead.token, 404],
            ['the salesperson', world.seller.token, 200],
            ['head of the unit', world.head.token, 200],
          ] as const
        ).map(([who, token, expect]): ObjectStep => ({
          label: `${who}: plan-vs-fact of the salesperson`,
          method: 'GET',
          path: `/api/plans/report?fromMonth=2026-12&toMonth=2026-12&salespersonId=${world.seller.id}`,
          token,
          expect,
        })),
        {
          ...list('the salesperson reads it', world.seller.token, world.seller.id, 200),
          check: (b) => (b as { total: number }).total > 0,
        },
      ];
    },
  },
  {
    name: "drill-down behind a funnel figure: the unit's head and the owner list its entries; others see none of them",
    route: 'GET /api/prospects',
    async run(ctx) {
      const world = await worldOf(ctx);
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const path =
        `/api/prospects?funnelEvent=reached&funnelStage=primary_contact&from=${day(-1)}&to=${day(2)}` +
        `&productLineId=${world.productLineId}&limit=1`;
      const total = (n: number) => (b: unknown) => (b as { total: number }).total === n;
      // Other cases of the shared world may hand a prospect to the colleague: they see their own, never the seller's.
      const onlyOwn = (b: unknown) =>
        (b as { items: { ownerId: string | null }[] }).items.every((p) => p.ownerId === world.colleague.id);
      return (
        [
          ['head of another unit', world.farHead.token, 0],
          ['salesperson of another unit', world.farSeller.token, 0],
          ['head of the unit', world.head.token, PROSPECT_COUNT],
          ['owner', world.owner.token, PROSPECT_COUNT],
        ] as const
      )
        .map(([who, token, n]): ObjectStep => ({
          label: who,
          method: 'GET',
          path,
          token,
          expect: 200,
          check: total(n),
        }))
        .concat({
          label: 'colleague',
          method: 'GET',
          path: path.replace('limit=1', 'limit=100'),
          token: world.colleague.token,
          expect: 200,
          check: onlyOwn,
        });
    },
  },
];
