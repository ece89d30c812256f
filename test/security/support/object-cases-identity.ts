import { ALL_ROLES, Role } from '@dealgate/domain';
import { logInAgain } from './identity-fixtures';
import { ObjectCase, ObjectStep } from './object-case';
import { callApi } from '@dealgate/testing';

/** Object-level rules of the gateway's own endpoints. */
export const IDENTITY_CASES: ObjectCase[] = [
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
            await callApi<{ id: string }>(ctx.url, 'POST', '/api/auth/api-keys', {
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
      await callApi(ctx.url, 'POST', '/api/auth/api-keys', {
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
        await callApi<{ id: string; version: number }>(ctx.url, 'POST', '/api/units', {
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
    name: "unit members: the unit's head, the owner and admin see them (no e-mails); another head gets 404",
    route: 'GET /api/units/:id/members',
    async run(ctx) {
      const head = await ctx.userWith([Role.SalesHead]);
      const otherHead = await ctx.userWith([Role.SalesHead]);
      const owner = await ctx.userWith([Role.Owner]);
      const seller = await ctx.userWith([Role.Salesperson]);
      const unit = (
        await callApi<{ id: string }>(ctx.url, 'POST', '/api/units', {
          token: ctx.admin,
          body: { name: `Members ${Date.now()}`, headUserId: head.id },
        })
      ).body;
      await logInAgain(ctx.url, head);
      const path = `/api/units/${unit.id}/members`;
      const namesOnly = (b: unknown) =>
        Array.isArray(b) &&
        (b as Record<string, unknown>[]).some((m) => m.id === head.id) &&
        (b as Record<string, unknown>[]).every((m) => !('email' in m));
      return [
        { label: 'its head', method: 'GET', path, token: head.token, expect: 200, check: namesOnly },
        { label: 'the owner', method: 'GET', path, token: owner.token, expect: 200, check: namesOnly },
        { label: 'an admin', method: 'GET', path, token: ctx.admin, expect: 200, check: namesOnly },
        { label: 'the head of another unit', method: 'GET', path, token: otherHead.token, expect: 404 },
        { label: 'a salesperson', method: 'GET', path, token: seller.token, expect: 403 },
      ];
    },
  },
];
