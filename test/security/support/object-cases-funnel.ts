import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { queryOnce, waitFor, callApi } from '@dealgate/testing';
import { USER_PASSWORD, createUnit, logInAgain, login } from './identity-fixtures';
import { ObjectCase, createProductLine, inDirectory, ok } from './object-case';

/** Unit scope in the prospects service: samples and prospects. */
export const FUNNEL_CASES: ObjectCase[] = [
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
      const line = await createProductLine(ctx);
      const sample = ok(
        await callApi(ctx.url, 'POST', '/api/samples', {
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
    name: 'prospects: the assigned salesperson, the unit head and the owner see it; a colleague and another unit get 404',
    route: 'GET /api/prospects/:id',
    async run(ctx) {
      const head = await ctx.userWith([Role.SalesHead]);
      const otherHead = await ctx.userWith([Role.SalesHead]);
      const unit = await createUnit(ctx.url, ctx.admin, `Prospect unit ${randomUUID().slice(0, 8)}`, head.id);
      await createUnit(ctx.url, ctx.admin, `Far unit ${randomUUID().slice(0, 8)}`, otherHead.id);
      await logInAgain(ctx.url, otherHead);
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
      const line = await createProductLine(ctx);
      const sample = ok(
        await callApi(ctx.url, 'POST', '/api/samples', {
          token: headToken,
          body: { productLineId: line.id, title: 'Mills', rationale: 'Mills buying drives' },
        }),
        'sample',
      );
      const added = (
        await callApi<{ sample: { version: number } }>(ctx.url, 'POST', `/api/samples/${sample.id}/companies`, {
          token: headToken,
          body: { companies: [{ name: `Acme ${randomUUID().slice(0, 6)}` }] },
        })
      ).body;
      ok(
        await callApi(ctx.url, 'POST', `/api/samples/${sample.id}/submit`, {
          token: headToken,
          body: { version: added.sample.version },
        }),
        'submit',
      );
      // The owner approves the sample through the approvals service; prospects open from the decision.
      const request = await waitFor(
        async () =>
          (
            await callApi<{ items: { id: string; subjectId: string }[] }>(ctx.url, 'GET', '/api/approvals/pending', {
              token: owner.token,
            })
          ).body.items.find((i) => i.subjectId === sample.id),
        { what: 'the sample approval for the owner' },
      );
      ok(
        await callApi(ctx.url, 'POST', `/api/approvals/${request.id}/approve`, {
          token: owner.token,
          body: { stepIndex: 0 },
        }),
        'approve',
      );
      const prospect = await waitFor(
        async () =>
          (
            await callApi<{ items: { id: string; version: number }[] }>(
              ctx.url,
              'GET',
              `/api/prospects?sampleId=${sample.id}`,
              { token: owner.token },
            )
          ).body.items[0],
        { what: 'the prospect of the approved sample' },
      );
      ok(
        await callApi(ctx.url, 'POST', `/api/prospects/${prospect.id}/assign`, {
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
