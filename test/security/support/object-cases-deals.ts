import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { JobName, ServiceName } from '@dealgate/messages';
import { queryOnce, waitFor } from '@dealgate/testing';
import { caseOf, defendedOffer, deliver } from '../../contracts/support/contracts-kit';
import { call } from './http';
import { createUnit } from './identity-fixtures';
import { ObjectCase, deliverTo, inDirectory, ok } from './object-case';

/** Approvals (delegations) and contract cases after the defence. */
export const DEAL_CASES: ObjectCase[] = [
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
    name: 'notifications: only the recipient marks an item read; anyone else gets 404',
    route: 'POST /api/notifications/:id/read',
    async run(ctx) {
      const ann = await ctx.userWith([Role.Legal], { groups: ['legal'] });
      const bob = await ctx.userWith([Role.Legal], { groups: ['legal'] });
      await inDirectory(ctx, 'notifications', [ann, bob]);
      const title = `Draft contract ${randomUUID().slice(0, 8)}`;
      await deliverTo(ctx, ServiceName.Notifications, JobName.TaskAssigned, {
        taskId: randomUUID(),
        caseId: randomUUID(),
        group: 'legal',
        assigneeId: ann.id,
        title,
        dueAt: null,
      });
      const item = await waitFor(
        async () =>
          (
            await call<{ items: { id: string; title: string }[] }>(ctx.url, 'GET', '/api/notifications', {
              token: ann.token,
            })
          ).body.items.find((i) => i.title.includes(title)),
        { what: "the task notification in Ann's inbox" },
      );
      const path = `/api/notifications/${item.id}/read`;
      return [
        { label: 'someone else', method: 'POST', path, token: bob.token, expect: 404 },
        { label: 'the recipient', method: 'POST', path, token: ann.token, expect: 200 },
      ];
    },
  },
];
