import { randomUUID } from 'node:crypto';
import { ALL_ROLES, Role } from '@dealgate/domain';
import { queryOnce, waitFor } from '@dealgate/testing';
import { JobName } from '@dealgate/messages';
import type { RunningSystem } from '../../support/system-harness';
import { caseOf, defendedOffer, deliver } from '../../contracts/support/contracts-kit';
import { CreatedUser, USER_PASSWORD, createUnit, login } from './identity-fixtures';
import { call } from './http';

export interface ObjectCaseContext {
  url: string;
  admin: string;
  dbUrl: string;
  apps: RunningSystem['apps'];
  /** A real user (created through the admin API) with a fresh access token. */
  userWith(roles: Role[], extra?: { unitId?: string; groups?: string[] }): Promise<CreatedUser & { token: string }>;
}

/** Waits until a service's directory copy holds these users (identity events are asynchronous). */
async function inDirectory(ctx: ObjectCaseContext, schema: string, users: { id: string }[]): Promise<void> {
  const ids = users.map((u) => u.id);
  await waitFor(
    async () =>
      (
        await queryOnce<{ n: number }>(
          ctx.dbUrl,
          `SELECT count(*)::int AS n FROM "${schema}".directory_user WHERE user_id = ANY($1)`,
          [ids],
        )
      )[0].n === ids.length,
    { what: `users in the ${schema} directory` },
  );
}

const ok = (answer: { status: number; body: unknown }, what: string) => {
  if (answer.status >= 300) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; version: number };
};

export interface ObjectStep {
  label: string;
  method: string;
  path: string;
  token: string;
  body?: unknown;
  expect: number;
  /** What the answer must show (e.g. a list without foreign items). */
  check?: (body: unknown) => boolean;
}

export interface ObjectCase {
  name: string;
  /** The route under test, `METHOD path` as the service declares it (the coverage check reads this). */
  route: string;
  /** Creates the objects and returns the calls with their expected status, in order. */
  run(context: ObjectCaseContext): Promise<ObjectStep[]>;
}

// Foreign objects answer 404, never 403 and never their data (docs/developing.md). Add a case here for each
// object-level endpoint of every service.
export const OBJECT_CASES: ObjectCase[] = [
  {
    name: 'API key: every role revokes its own key; a foreign key answers 404 except to an admin',
    route: 'DELETE /api/auth/api-keys/:id',
    async run(ctx) {
      const steps: ObjectStep[] = [];
      for (const role of ALL_ROLES) {
        const owner = await ctx.userWith([role]);
        const stranger = await ctx.userWith([role]);
        const make = async () =>
          (
            await call<{ id: string }>(ctx.url, 'POST', '/api/auth/api-keys', {
              token: owner.token,
              body: { name: `${role} key`, roles: [role] },
            })
          ).body.id;
        const own = await make();
        const foreign = await make();
        steps.push(
          {
            label: `${role}: foreign key`,
            method: 'DELETE',
            path: `/api/auth/api-keys/${foreign}`,
            token: stranger.token,
            expect: role === Role.Admin ? 204 : 404,
          },
          {
            label: `${role}: own key`,
            method: 'DELETE',
            path: `/api/auth/api-keys/${own}`,
            token: owner.token,
            expect: 204,
          },
        );
      }
      return steps;
    },
  },
  {
    name: 'API key list: a user sees only their own keys',
    route: 'GET /api/auth/api-keys',
    async run(ctx) {
      const owner = await ctx.userWith([Role.Accounting]);
      const stranger = await ctx.userWith([Role.Accounting]);
      await call(ctx.url, 'POST', '/api/auth/api-keys', {
        token: owner.token,
        body: { name: 'mine', roles: [Role.Accounting] },
      });
      const total = (body: unknown) => (body as { total: number }).total;
      return [
        {
          label: 'owner sees theirs',
          method: 'GET',
          path: '/api/auth/api-keys',
          token: owner.token,
          expect: 200,
          check: (b) => total(b) === 1,
        },
        {
          label: 'stranger sees none',
          method: 'GET',
          path: '/api/auth/api-keys',
          token: stranger.token,
          expect: 200,
          check: (b) => total(b) === 0,
        },
      ];
    },
  },
  {
    name: 'units: business roles may read units, only admin changes them',
    route: 'GET /api/units/:id',
    async run(ctx) {
      const unit = (
        await call<{ id: string; version: number }>(ctx.url, 'POST', '/api/units', {
          token: ctx.admin,
          body: { name: `Unit ${Date.now()}` },
        })
      ).body;
      const head = await ctx.userWith([Role.SalesHead]);
      const seller = await ctx.userWith([Role.Salesperson]);
      return [
        { label: 'sales head reads', method: 'GET', path: `/api/units/${unit.id}`, token: head.token, expect: 200 },
        {
          label: 'salesperson may not',
          method: 'GET',
          path: `/api/units/${unit.id}`,
          token: seller.token,
          expect: 403,
        },
        {
          label: 'sales head may not rename',
          method: 'PATCH',
          path: `/api/units/${unit.id}`,
          token: head.token,
          body: { version: unit.version, name: 'x' },
          expect: 403,
        },
      ];
    },
  },
  {
    name: 'target samples: the author, their unit head and the owner see it; another unit answers 404',
    route: 'GET /api/samples/:id',
    async run(ctx) {
      const north = await createUnit(ctx.url, ctx.admin, `North ${randomUUID().slice(0, 8)}`);
      const south = await createUnit(ctx.url, ctx.admin, `South ${randomUUID().slice(0, 8)}`);
      const author = await ctx.userWith([Role.Salesperson], { unitId: north.id });
      const northHead = await ctx.userWith([Role.SalesHead], { unitId: north.id });
      const southSeller = await ctx.userWith([Role.Salesperson], { unitId: south.id });
      const southHead = await ctx.userWith([Role.SalesHead], { unitId: south.id });
      const owner = await ctx.userWith([Role.Owner]);
      await inDirectory(ctx, 'prospects', [author, northHead, southSeller, southHead, owner]);
      const limits = {
        sampling: 10,
        primary_contact: 20,
        needs_identification: 20,
        offer_formation: 20,
        offer_defence: 20,
        contract: 30,
      };
      const line = ok(
        await call(ctx.url, 'POST', '/api/product-lines', {
          token: ctx.admin,
          body: { name: `Line ${randomUUID().slice(0, 8)}`, cycleDays: { min: 120, max: 150 }, stageLimitDays: limits },
        }),
        'product line',
      );
      const sample = ok(
        await call(ctx.url, 'POST', '/api/samples', {
          token: author.token,
          body: { productLineId: line.id, title: 'Mills', rationale: 'Mid-size mills buying drives' },
        }),
        'sample',
      );
      const path = `/api/samples/${sample.id}`;
      return [
        { label: 'author', method: 'GET', path, token: author.token, expect: 200 },
        { label: 'head of the unit', method: 'GET', path, token: northHead.token, expect: 200 },
        { label: 'owner', method: 'GET', path, token: owner.token, expect: 200 },
        { label: 'salesperson of another unit', method: 'GET', path, token: southSeller.token, expect: 404 },
        { label: 'head of another unit', method: 'GET', path, token: southHead.token, expect: 404 },
      ];
    },
  },
  {
    name: 'approval delegations: only the one who gave it revokes it; anyone else gets 404',
    route: 'DELETE /api/approvals/delegations/:id',
    async run(ctx) {
      const giver = await ctx.userWith([Role.SalesHead]);
      const delegate = await ctx.userWith([Role.SalesHead]);
      const stranger = await ctx.userWith([Role.SalesHead]);
      await inDirectory(ctx, 'approvals', [giver, delegate, stranger]);
      const startsAt = new Date(Date.now() + 86_400_000).toISOString();
      const endsAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const delegation = ok(
        await call(ctx.url, 'POST', '/api/approvals/delegations', {
          token: giver.token,
          body: { delegateId: delegate.id, startsAt, endsAt },
        }),
        'delegation',
      );
      const path = `/api/approvals/delegations/${delegation.id}`;
      return [
        { label: 'stranger', method: 'DELETE', path, token: stranger.token, expect: 404 },
        { label: 'giver', method: 'DELETE', path, token: giver.token, expect: 200 },
      ];
    },
  },
  {
    name: 'contract cases: the groups, the salesperson (read-only), the unit head and the owner see it; others 404',
    route: 'GET /api/contracts/:id',
    async run(ctx) {
      // Heading a unit (not just belonging to it) is what opens its cases to a sales head.
      const head = await ctx.userWith([Role.SalesHead]);
      const otherHead = await ctx.userWith([Role.SalesHead]);
      const unit = await createUnit(ctx.url, ctx.admin, `Deal unit ${randomUUID().slice(0, 8)}`, head.id);
      await createUnit(ctx.url, ctx.admin, `Other unit ${randomUUID().slice(0, 8)}`, otherHead.id);
      const seller = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
      const otherSeller = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
      const lawyer = await ctx.userWith([Role.Legal], { groups: ['legal'] });
      const accountant = await ctx.userWith([Role.Accounting], { groups: ['accounting'] });
      const owner = await ctx.userWith([Role.Owner]);
      await inDirectory(ctx, 'contracts', [seller, otherSeller, head, otherHead, lawyer, accountant, owner]);
      await waitFor(
        async () =>
          (
            await queryOnce(
              ctx.dbUrl,
              'SELECT 1 FROM contracts.directory_unit WHERE unit_id = $1 AND head_user_id = $2',
              [unit.id, head.id],
            )
          ).length === 1,
        { what: 'the unit head in the contracts directory' },
      );
      // The funnel's handoff, as the prospects service would send it after an accepted defence.
      const offer = defendedOffer({ salespersonId: seller.id, unitId: unit.id });
      await deliver(ctx.apps.contracts, JobName.OfferDefended, offer);
      const path = `/api/contracts/${await caseOf(ctx.dbUrl, offer.offerId)}`;
      return [
        { label: 'legal group member', method: 'GET', path, token: lawyer.token, expect: 200 },
        { label: 'accounting group member', method: 'GET', path, token: accountant.token, expect: 200 },
        { label: 'the salesperson of the deal', method: 'GET', path, token: seller.token, expect: 200 },
        { label: 'head of the unit', method: 'GET', path, token: head.token, expect: 200 },
        { label: 'owner', method: 'GET', path, token: owner.token, expect: 200 },
        { label: 'another salesperson of the unit', method: 'GET', path, token: otherSeller.token, expect: 404 },
        { label: 'head of another unit', method: 'GET', path, token: otherHead.token, expect: 404 },
      ];
    },
  },
  {
    name: 'prospects: the assigned salesperson, the unit head and the owner see it; a colleague and another unit get 404',
    route: 'GET /api/prospects/:id',
    async run(ctx) {
      const head = await ctx.userWith([Role.SalesHead]);
      const otherHead = await ctx.userWith([Role.SalesHead]);
      const unit = await createUnit(ctx.url, ctx.admin, `Prospect unit ${randomUUID().slice(0, 8)}`, head.id);
      await createUnit(ctx.url, ctx.admin, `Far unit ${randomUUID().slice(0, 8)}`, otherHead.id);
      const seller = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
      const colleague = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
      const owner = await ctx.userWith([Role.Owner]);
      // Tokens carry the unit: the head logs in again now that heading the unit moved them into it.
      const headToken = (await login(ctx.url, head.email, USER_PASSWORD)).accessToken;
      for (const schema of ['prospects', 'approvals']) {
        await inDirectory(ctx, schema, [head, otherHead, seller, colleague, owner]);
        await waitFor(
          async () =>
            (
              await queryOnce(
                ctx.dbUrl,
                `SELECT 1 FROM "${schema}".directory_unit WHERE unit_id = $1 AND head_user_id = $2`,
                [unit.id, head.id],
              )
            ).length === 1,
          { what: `the unit head in ${schema}` },
        );
      }
      const limits = {
        sampling: 10,
        primary_contact: 20,
        needs_identification: 20,
        offer_formation: 20,
        offer_defence: 20,
        contract: 30,
      };
      const line = ok(
        await call(ctx.url, 'POST', '/api/product-lines', {
          token: ctx.admin,
          body: { name: `Line ${randomUUID().slice(0, 8)}`, cycleDays: { min: 120, max: 150 }, stageLimitDays: limits },
        }),
        'product line',
      );
      const sample = ok(
        await call(ctx.url, 'POST', '/api/samples', {
          token: headToken,
          body: { productLineId: line.id, title: 'Mills', rationale: 'Mills buying drives' },
        }),
        'sample',
      );
      const added = (
        await call<{ sample: { version: number } }>(ctx.url, 'POST', `/api/samples/${sample.id}/companies`, {
          token: headToken,
          body: { companies: [{ name: `Acme ${randomUUID().slice(0, 6)}` }] },
        })
      ).body;
      ok(
        await call(ctx.url, 'POST', `/api/samples/${sample.id}/submit`, {
          token: headToken,
          body: { version: added.sample.version },
        }),
        'submit',
      );
      // The owner approves the sample through the approvals service; prospects open from the decision.
      const request = await waitFor(
        async () =>
          (
            await call<{ items: { id: string; subjectId: string }[] }>(ctx.url, 'GET', '/api/approvals/pending', {
              token: owner.token,
            })
          ).body.items.find((i) => i.subjectId === sample.id),
        { what: 'the sample approval for the owner' },
      );
      ok(
        await call(ctx.url, 'POST', `/api/approvals/${request.id}/approve`, {
          token: owner.token,
          body: { stepIndex: 0 },
        }),
        'approve',
      );
      const prospect = await waitFor(
        async () =>
          (
            await call<{ items: { id: string; version: number }[] }>(
              ctx.url,
              'GET',
              `/api/prospects?sampleId=${sample.id}`,
              { token: owner.token },
            )
          ).body.items[0],
        { what: 'the prospect of the approved sample' },
      );
      ok(
        await call(ctx.url, 'POST', `/api/prospects/${prospect.id}/assign`, {
          token: headToken,
          body: { version: prospect.version, ownerId: seller.id },
        }),
        'assign',
      );
      const path = `/api/prospects/${prospect.id}`;
      return [
        { label: 'assigned salesperson', method: 'GET', path, token: seller.token, expect: 200 },
        { label: 'head of the unit', method: 'GET', path, token: headToken, expect: 200 },
        { label: 'owner', method: 'GET', path, token: owner.token, expect: 200 },
        { label: 'colleague in the same unit', method: 'GET', path, token: colleague.token, expect: 404 },
        { label: 'head of another unit', method: 'GET', path, token: otherHead.token, expect: 404 },
        {
          label: "colleague writing to someone else's prospect",
          method: 'POST',
          path: `${path}/contacts`,
          token: colleague.token,
          body: { name: 'Eve', position: 'CEO', isDecisionMaker: true, decisionReason: 'Signs contracts' },
          expect: 404,
        },
      ];
    },
  },
];
