import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { JobName, ServiceName } from '@dealgate/messages';
import { queryOnce, waitFor, callApi } from '@dealgate/testing';
import { caseOf, defendedOffer, deliver, taskIds } from '../../../apps/contracts/test/contracts-kit';
import { createUnit, logInAgain } from './identity-fixtures';
import { CreatedUser } from './identity-fixtures';
import { ObjectCase, ObjectCaseContext, ObjectStep, deliverTo, inDirectory, ok } from './object-case';

type Person = CreatedUser & { token: string };

/** The people around contract cases: a unit's head and salesperson, strangers of the same roles, the groups. */
interface ContractWorld {
  unitId: string;
  head: Person;
  farHead: Person;
  seller: Person;
  colleague: Person;
  lawyer: Person;
  legalLead: Person;
  accountant: Person;
}

const contractWorlds = new WeakMap<ObjectCaseContext, Promise<ContractWorld>>();

async function buildContractWorld(ctx: ObjectCaseContext): Promise<ContractWorld> {
  const head = await ctx.userWith([Role.SalesHead]);
  const farHead = await ctx.userWith([Role.SalesHead]);
  const unit = await createUnit(ctx.url, ctx.admin, `Case unit ${randomUUID().slice(0, 8)}`, head.id);
  await createUnit(ctx.url, ctx.admin, `Far case unit ${randomUUID().slice(0, 8)}`, farHead.id);
  await logInAgain(ctx.url, head, farHead);
  const seller = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
  const colleague = await ctx.userWith([Role.Salesperson], { unitId: unit.id });
  const lawyer = await ctx.userWith([Role.Legal], { groups: ['legal'] });
  const legalLead = await ctx.userWith([Role.Legal], { groups: ['legal'], leadOf: ['legal'] });
  const accountant = await ctx.userWith([Role.Accounting], { groups: ['accounting'] });
  const people = { head, farHead, seller, colleague, lawyer, legalLead, accountant };
  await inDirectory(ctx, 'contracts', Object.values(people));
  await waitFor(
    async () =>
      (
        await queryOnce(ctx.dbUrl, 'SELECT 1 FROM contracts.directory_unit WHERE unit_id = $1 AND head_user_id = $2', [
          unit.id,
          head.id,
        ])
      ).length === 1,
    { what: 'the unit head in the contracts directory' },
  );
  return { unitId: unit.id, ...people };
}

async function contractWorld(ctx: ObjectCaseContext): Promise<ContractWorld> {
  if (!contractWorlds.has(ctx)) contractWorlds.set(ctx, buildContractWorld(ctx));
  return contractWorlds.get(ctx)!;
}

/** A fresh case of the world's unit and salesperson (the funnel's handoff), with its task ids by key. */
async function freshCase(ctx: ObjectCaseContext) {
  const world = await contractWorld(ctx);
  const offer = defendedOffer({ salespersonId: world.seller.id, unitId: world.unitId });
  await deliver(ctx.apps.contracts, JobName.OfferDefended, offer);
  const caseId = await caseOf(ctx.dbUrl, offer.offerId);
  return { world, caseId, offer, tasks: await taskIds(ctx.dbUrl, caseId) };
}

/** Strangers of the deal's roles (another salesperson of the unit, the head of another unit) get 404. */
function strangers(world: ContractWorld, method: string, path: string, body?: unknown): ObjectStep[] {
  return [
    { label: 'another salesperson of the unit', method, path, body, token: world.colleague.token, expect: 404 },
    { label: 'head of another unit', method, path, body, token: world.farHead.token, expect: 404 },
  ];
}

const LEGAL_TASK = 'draft_contract';

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
        await callApi(ctx.url, 'POST', '/api/approvals/delegations', {
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
      await logInAgain(ctx.url, head, otherHead);
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
            await callApi<{ items: { id: string; title: string }[] }>(ctx.url, 'GET', '/api/notifications', {
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
  {
    name: 'contract terms: legal edits (200); the salesperson and the unit head only read (403); strangers 404',
    route: 'PUT /api/contracts/:id/terms',
    async run(ctx) {
      const { world, caseId, offer } = await freshCase(ctx);
      const path = `/api/contracts/${caseId}/terms`;
      const body = { terms: offer.terms, revision: 1 };
      return [
        ...strangers(world, 'PUT', path, body),
        { label: 'the salesperson of the deal', method: 'PUT', path, body, token: world.seller.token, expect: 403 },
        { label: 'head of the unit', method: 'PUT', path, body, token: world.head.token, expect: 403 },
        { label: 'legal', method: 'PUT', path, body, token: world.lawyer.token, expect: 200 },
      ];
    },
  },
  {
    name: 'deviation approval: strangers 404, the salesperson 403; legal without a deviation 409',
    route: 'POST /api/contracts/:id/deviation-approval',
    async run(ctx) {
      const { world, caseId } = await freshCase(ctx);
      const path = `/api/contracts/${caseId}/deviation-approval`;
      return [
        ...strangers(world, 'POST', path, {}),
        {
          label: 'the salesperson of the deal',
          method: 'POST',
          path,
          body: {},
          token: world.seller.token,
          expect: 403,
        },
        { label: 'legal, terms as approved', method: 'POST', path, body: {}, token: world.lawyer.token, expect: 409 },
      ];
    },
  },
  {
    name: 'signing: strangers 404, the salesperson and the unit head 403; legal before the tasks are done 409',
    route: 'POST /api/contracts/:id/sign',
    async run(ctx) {
      const { world, caseId } = await freshCase(ctx);
      const path = `/api/contracts/${caseId}/sign`;
      const body = { signatories: [{ name: 'Dana Moss', party: 'customer', position: 'COO' }] };
      return [
        ...strangers(world, 'POST', path, body),
        { label: 'the salesperson of the deal', method: 'POST', path, body, token: world.seller.token, expect: 403 },
        { label: 'head of the unit', method: 'POST', path, body, token: world.head.token, expect: 403 },
        { label: 'legal, work not done', method: 'POST', path, body, token: world.lawyer.token, expect: 409 },
      ];
    },
  },
  {
    name: 'contract tasks: the groups, the salesperson and the unit head read a task; strangers 404',
    route: 'GET /api/tasks/:id',
    async run(ctx) {
      const { world, tasks, offer, caseId } = await freshCase(ctx);
      const path = `/api/tasks/${tasks[LEGAL_TASK]}`;
      return [
        ...strangers(world, 'GET', path),
        { label: 'legal', method: 'GET', path, token: world.lawyer.token, expect: 200 },
        { label: 'accounting (another group)', method: 'GET', path, token: world.accountant.token, expect: 200 },
        { label: 'the salesperson of the deal', method: 'GET', path, token: world.seller.token, expect: 200 },
        { label: 'head of the unit', method: 'GET', path, token: world.head.token, expect: 200 },
        ...(['colleague', 'farHead'] as const).map((who): ObjectStep => ({
          label: `${who} lists the case: nothing`,
          method: 'GET',
          path: `/api/contracts?prospectId=${offer.prospectId}`,
          token: world[who].token,
          expect: 200,
          check: (b) => (b as { total: number }).total === 0,
        })),
        {
          label: "the salesperson may not see the legal group's queue",
          method: 'GET',
          path: `/api/tasks/queue?group=legal&caseId=${caseId}`,
          token: world.seller.token,
          expect: 403,
        },
      ];
    },
  },
  {
    name: 'task claim and complete: its group member (200); another group and the salesperson 403; strangers 404',
    route: 'POST /api/tasks/:id/claim',
    alsoCovers: ['POST /api/tasks/:id/complete'],
    async run(ctx) {
      const { world, tasks } = await freshCase(ctx);
      const claim = `/api/tasks/${tasks[LEGAL_TASK]}/claim`;
      const complete = `/api/tasks/${tasks[LEGAL_TASK]}/complete`;
      return [
        ...strangers(world, 'POST', claim, {}),
        { label: 'the salesperson of the deal', method: 'POST', path: claim, token: world.seller.token, expect: 403 },
        { label: 'accounting', method: 'POST', path: claim, token: world.accountant.token, expect: 403 },
        { label: 'legal claims', method: 'POST', path: claim, token: world.lawyer.token, expect: 200 },
        ...strangers(world, 'POST', complete, {}),
        { label: 'another legal member', method: 'POST', path: complete, token: world.legalLead.token, expect: 403 },
        { label: 'the one who claimed', method: 'POST', path: complete, token: world.lawyer.token, expect: 200 },
      ];
    },
  },
  {
    name: 'task return and reassign: the assignee returns, the group lead reassigns (200); others 403; strangers 404',
    route: 'POST /api/tasks/:id/reassign',
    alsoCovers: ['POST /api/tasks/:id/return'],
    async run(ctx) {
      const { world, tasks } = await freshCase(ctx);
      const task = `/api/tasks/${tasks[LEGAL_TASK]}`;
      ok(await callApi(ctx.url, 'POST', `${task}/claim`, { token: world.lawyer.token }), 'claim');
      const back = { reason: 'Out this week' };
      const to = { assigneeId: world.lawyer.id };
      return [
        ...strangers(world, 'POST', `${task}/return`, back),
        {
          label: 'return by the salesperson',
          method: 'POST',
          path: `${task}/return`,
          body: back,
          token: world.seller.token,
          expect: 403,
        },
        {
          label: 'return by the assignee',
          method: 'POST',
          path: `${task}/return`,
          body: back,
          token: world.lawyer.token,
          expect: 200,
        },
        ...strangers(world, 'POST', `${task}/reassign`, to),
        {
          label: 'reassign by a member',
          method: 'POST',
          path: `${task}/reassign`,
          body: to,
          token: world.lawyer.token,
          expect: 403,
        },
        {
          label: 'reassign by the lead',
          method: 'POST',
          path: `${task}/reassign`,
          body: to,
          token: world.legalLead.token,
          expect: 200,
        },
      ];
    },
  },
  {
    name: "a group's members (the reassign picker): its members and lead (200); another group, the salesperson 403",
    route: 'GET /api/tasks/groups/:group/members',
    async run(ctx) {
      const world = await contractWorld(ctx);
      const path = '/api/tasks/groups/legal/members';
      const named = (body: unknown) => {
        const members = (body as { members: { id: string; name: string | null }[] }).members;
        return [world.lawyer.id, world.legalLead.id].every((id) => members.some((m) => m.id === id && !!m.name));
      };
      return [
        { label: 'a member', method: 'GET', path, token: world.lawyer.token, expect: 200, check: named },
        { label: 'the lead', method: 'GET', path, token: world.legalLead.token, expect: 200, check: named },
        { label: 'accounting', method: 'GET', path, token: world.accountant.token, expect: 403 },
        { label: 'the salesperson', method: 'GET', path, token: world.seller.token, expect: 403 },
        { label: 'a sales head', method: 'GET', path, token: world.head.token, expect: 403 },
      ];
    },
  },
  {
    name: 'task comments and documents: the groups add them (201); the salesperson only reads (403); strangers 404',
    route: 'POST /api/tasks/:id/comments',
    alsoCovers: ['POST /api/tasks/:id/documents'],
    async run(ctx) {
      const { world, tasks } = await freshCase(ctx);
      const task = `/api/tasks/${tasks[LEGAL_TASK]}`;
      const steps: ObjectStep[] = [];
      for (const [sub, body] of [
        ['comments', { body: 'Clause 7 needs a look' }],
        ['documents', { title: 'Draft', url: 'https://dms.example.com/contracts/1' }],
      ] as const) {
        const path = `${task}/${sub}`;
        steps.push(
          ...strangers(world, 'POST', path, body),
          { label: `${sub}: the salesperson`, method: 'POST', path, body, token: world.seller.token, expect: 403 },
          { label: `${sub}: head of the unit`, method: 'POST', path, body, token: world.head.token, expect: 403 },
          { label: `${sub}: legal`, method: 'POST', path, body, token: world.lawyer.token, expect: 201 },
          // Issue #16: writing the case is not writing another group's task (SECURITY.md, contracts README).
          { label: `${sub}: accounting`, method: 'POST', path, body, token: world.accountant.token, expect: 403 },
          {
            label: `${sub}: legal on an accounting task`,
            method: 'POST',
            path: `/api/tasks/${tasks.credit_check}/${sub}`,
            body,
            token: world.lawyer.token,
            expect: 403,
          },
        );
      }
      return steps;
    },
  },
];
