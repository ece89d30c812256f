import { randomUUID } from 'node:crypto';
import { DEFAULT_TASK_TEMPLATES, DefaultTaskKey as K, Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { seedDirectory, tokenFor, callApi } from '@dealgate/testing';
import {
  ContractsUnderTest,
  caseOf,
  count,
  defendedOffer,
  deliver,
  emitted,
  startContracts,
  taskIds,
} from '../../test/contracts-kit';
import { OverdueTasksSweep } from './overdue.sweep';

// A short template set: the overdue tests count its two tasks' due periods.
const NDA_THEN_INVOICE = [
  { key: 'nda', title: 'NDA', group: 'legal', dependsOn: [], dueDays: 1, required: true },
  { key: 'invoice', title: 'Invoice', group: 'accounting', dependsOn: ['nda'], dueDays: 2, required: false },
];

describe('contract tasks and templates (medium, real PostgreSQL and queue)', () => {
  let svc: ContractsUnderTest;
  const ids = {
    lead: randomUUID(),
    legal: randomUUID(),
    accounting: randomUUID(),
    seller: randomUUID(),
    byRole: randomUUID(),
    gone: randomUUID(),
    sellerInLegal: randomUUID(),
  };
  const token = {
    lead: tokenFor({ userId: ids.lead, roles: [Role.Legal] }),
    legal: tokenFor({ userId: ids.legal, roles: [Role.Legal] }),
    accounting: tokenFor({ userId: ids.accounting, roles: [Role.Accounting] }),
    seller: tokenFor({ userId: ids.seller, roles: [Role.Salesperson] }),
    admin: tokenFor({ roles: [Role.Admin] }),
  };

  async function openCase(): Promise<{ caseId: string; tasks: Record<string, string> }> {
    const offer = defendedOffer({ salespersonId: ids.seller });
    await deliver(svc.app, JobName.OfferDefended, offer);
    const caseId = await caseOf(svc.db.url, offer.offerId);
    return { caseId, tasks: await taskIds(svc.db.url, caseId) };
  }

  /** Saves the set over whatever version the templates are at, for cases opened afterwards. */
  async function saveTemplates(templates: unknown[]) {
    const { version } = (
      await callApi<{ version: number }>(svc.url, 'GET', '/api/contracts/task-templates', { token: token.admin })
    ).body;
    const saved = await callApi(svc.url, 'PUT', '/api/contracts/task-templates', {
      token: token.admin,
      body: { templates, version },
    });
    if (saved.status !== 200) throw new Error(`saving the templates answered ${saved.status}`);
  }

  beforeAll(async () => {
    svc = await startContracts({ TASK_ESCALATION_GRACE_HOURS: '24' });
    await seedDirectory(
      svc.db.url,
      ['contracts'],
      [
        { userId: ids.lead, roles: [Role.Legal], groups: ['legal'], leadOf: ['legal'], name: 'Lea Lead' },
        { userId: ids.legal, roles: [Role.Legal], groups: ['legal'], name: 'Leo Legal' },
        { userId: ids.accounting, roles: [Role.Accounting], groups: ['accounting'], name: 'Ada Accounts' },
        { userId: ids.seller, roles: [Role.Salesperson] },
        // For the member list: legal by role alone, a deactivated lawyer, a salesperson put in the legal group.
        { userId: ids.byRole, roles: [Role.Legal], name: 'Bea By-Role' },
        { userId: ids.gone, roles: [Role.Legal], groups: ['legal'], name: 'Gil Gone', active: false },
        { userId: ids.sellerInLegal, roles: [Role.Salesperson], groups: ['legal'], name: 'Sid Seller' },
      ],
    );
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await svc?.stop();
  });

  // Each test opens its own case and takes its tasks as far as it starts from.
  describe('lifecycle', () => {
    const act = (who: string, id: string, action: string, body?: unknown) =>
      callApi(svc.url, 'POST', `/api/tasks/${id}/${action}`, { token: who, body });
    const step = async (who: string, id: string, action: string, body?: unknown) => {
      const answer = await act(who, id, action, body);
      if (answer.status >= 300) throw new Error(`${action} of task ${id} answered ${answer.status}`);
    };

    async function aCaseWithTheDraftClaimedByLegal() {
      const c = await openCase();
      await step(token.legal, c.tasks[K.DraftContract], 'claim');
      return c;
    }

    /** Legal also left one comment on the draft. */
    async function aCaseWithTheDraftClaimedAndCommentedByLegal() {
      const c = await aCaseWithTheDraftClaimedByLegal();
      await step(token.legal, c.tasks[K.DraftContract], 'comments', { body: 'Draft uploaded' });
      return c;
    }

    /** Draft contract and credit check done: review terms is available, billing set-up waits in accounting's queue. */
    async function aCaseWithTheFirstTasksDone() {
      const c = await aCaseWithTheDraftClaimedByLegal();
      await step(token.legal, c.tasks[K.DraftContract], 'complete');
      await step(token.accounting, c.tasks[K.CreditCheck], 'claim');
      await step(token.accounting, c.tasks[K.CreditCheck], 'complete');
      return c;
    }

    it('lets only a group member claim an available task, once', async () => {
      const { tasks } = await openCase();
      expect((await act(token.legal, tasks[K.ReviewTerms], 'claim')).body.code).toBe('contract.task_not_available');
      expect((await act(token.accounting, tasks[K.DraftContract], 'claim')).status).toBe(403);
      const [first, second] = await Promise.all([
        act(token.legal, tasks[K.DraftContract], 'claim'),
        act(token.lead, tasks[K.DraftContract], 'claim'),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const winner = first.status === 200 ? ids.legal : ids.lead;
      expect(
        await count(svc.db.url, "contracts.task_event WHERE task_id = $1 AND kind = 'claim'", [tasks[K.DraftContract]]),
      ).toBe(1);
      expect(
        (await callApi(svc.url, 'GET', `/api/tasks/${tasks[K.DraftContract]}`, { token: token.lead })).body.assigneeId,
      ).toBe(winner);
    });

    it('returns a task with a reason and lets the lead reassign it within the group', async () => {
      const { tasks } = await aCaseWithTheDraftClaimedByLegal();
      const id = tasks[K.DraftContract];
      expect((await act(token.legal, id, 'return', {})).status).toBe(400);
      const returned = await act(token.lead, id, 'return', { reason: 'Waiting for the customer template' });
      expect(returned.body).toEqual(expect.objectContaining({ status: 'open', assigneeId: null }));
      expect((returned.body.history as unknown[]).at(-1)).toEqual(
        expect.objectContaining({ kind: 'return', reason: 'Waiting for the customer template' }),
      );
      expect((await act(token.legal, id, 'reassign', { assigneeId: ids.lead })).status).toBe(403);
      expect((await act(token.lead, id, 'reassign', { assigneeId: ids.accounting })).body.code).toBe(
        'contract.assignee_not_group_member',
      );
      const reassigned = await act(token.lead, id, 'reassign', { assigneeId: ids.legal });
      expect(reassigned.body).toEqual(expect.objectContaining({ status: 'claimed', assigneeId: ids.legal }));
      const told = (await emitted(svc.db.url, JobName.TaskAssigned)).filter((a) => a.taskId === id);
      expect(told.map((a) => a.assigneeId)).toEqual([null, null, ids.legal]);
    });

    it('takes comments and document links from workers, not from the salesperson', async () => {
      const { tasks } = await aCaseWithTheDraftClaimedByLegal();
      const id = tasks[K.DraftContract];
      expect((await act(token.legal, id, 'comments', { body: 'Draft uploaded' })).status).toBe(201);
      const linked = await act(token.legal, id, 'documents', { title: 'Draft v1', url: 'https://dms.example.com/d/1' });
      expect(linked.body.comments).toEqual([expect.objectContaining({ authorId: ids.legal, body: 'Draft uploaded' })]);
      expect(linked.body.documents).toEqual([
        expect.objectContaining({ title: 'Draft v1', url: 'https://dms.example.com/d/1' }),
      ]);
      expect(
        (await act(token.legal, id, 'documents', { title: 'x', url: 'javascript:alert(1)' })).body.fields[0].field,
      ).toBe('url');
      expect((await act(token.seller, id, 'comments', { body: 'hi' })).status).toBe(403);
      expect((await callApi(svc.url, 'GET', `/api/tasks/${id}`, { token: token.seller })).status).toBe(200);
      expect(await count(svc.db.url, 'contracts.task_comment WHERE task_id = $1', [id])).toBe(1);
    });

    it('makes dependent tasks available, with a due date, only when all their dependencies are done', async () => {
      const { caseId, tasks } = await aCaseWithTheDraftClaimedAndCommentedByLegal();
      expect((await act(token.lead, tasks[K.DraftContract], 'complete')).status).toBe(403);
      const tooLong = await act(token.legal, tasks[K.DraftContract], 'complete', { result: 'x'.repeat(4001) });
      expect({ status: tooLong.status, field: tooLong.body.fields?.[0]?.field }).toEqual({
        status: 400,
        field: 'result',
      });
      // One write: the task is done and keeps its result (no comment is made for it).
      const completed = await act(token.legal, tasks[K.DraftContract], 'complete', { result: '  Draft v2 sent  ' });
      expect(completed.body).toEqual(expect.objectContaining({ status: 'done', result: 'Draft v2 sent' }));
      expect((completed.body.history as unknown[]).at(-1)).toEqual(expect.objectContaining({ kind: 'complete' }));
      expect(await count(svc.db.url, 'contracts.task_comment WHERE task_id = $1', [tasks[K.DraftContract]])).toBe(1);
      let review = (await callApi(svc.url, 'GET', `/api/tasks/${tasks[K.ReviewTerms]}`, { token: token.legal })).body;
      expect(review).toEqual(expect.objectContaining({ state: 'blocked', dueAt: null }));
      await act(token.accounting, tasks[K.CreditCheck], 'claim');
      // Without a body, or with a blank result, a completion keeps no result.
      expect((await act(token.accounting, tasks[K.CreditCheck], 'complete')).body.result).toBeNull();
      review = (await callApi(svc.url, 'GET', `/api/tasks/${tasks[K.ReviewTerms]}`, { token: token.legal })).body;
      expect(review.state).toBe('available');
      expect(new Date(review.dueAt).getTime() - new Date(review.availableSince).getTime()).toBe(2 * 86_400_000);
      expect(
        (await emitted(svc.db.url, JobName.TaskAssigned)).filter((a) => a.caseId === caseId).map((a) => a.title),
      ).toEqual(expect.arrayContaining(['Review terms', 'Billing set-up']));
    });

    it("names the people a group's task can go to, for the group's members and the owner only", async () => {
      const members = await callApi(svc.url, 'GET', '/api/tasks/groups/legal/members', { token: token.lead });
      expect(members.body).toEqual({
        group: 'legal',
        members: [
          { id: ids.byRole, name: 'Bea By-Role' },
          { id: ids.lead, name: 'Lea Lead' },
          { id: ids.legal, name: 'Leo Legal' },
        ],
      });
      expect((await callApi(svc.url, 'GET', '/api/tasks/groups/legal/members', { token: token.legal })).status).toBe(
        200,
      );
      const owner = tokenFor({ roles: [Role.Owner] });
      expect(
        (await callApi(svc.url, 'GET', '/api/tasks/groups/accounting/members', { token: owner })).body.members,
      ).toEqual([{ id: ids.accounting, name: 'Ada Accounts' }]);
      const refused = await callApi(svc.url, 'GET', '/api/tasks/groups/legal/members', { token: token.accounting });
      expect({ status: refused.status, code: refused.body.code }).toEqual({
        status: 403,
        code: 'contract.not_group_member',
      });
      expect((await callApi(svc.url, 'GET', '/api/tasks/groups/legal/members', { token: token.seller })).status).toBe(
        403,
      );
      expect((await callApi(svc.url, 'GET', '/api/tasks/groups/sales/members', { token: token.lead })).status).toBe(
        400,
      );
    });

    it('lists my tasks and group queues, filtered and paginated', async () => {
      const { caseId, tasks } = await aCaseWithTheFirstTasksDone();
      await act(token.legal, tasks[K.ReviewTerms], 'claim');
      const mine = await callApi(svc.url, 'GET', `/api/tasks/mine?status=claimed&caseId=${caseId}`, {
        token: token.legal,
      });
      expect(mine.body).toEqual(
        expect.objectContaining({ total: 1, items: [expect.objectContaining({ key: K.ReviewTerms })] }),
      );
      const queue = await callApi(
        svc.url,
        'GET',
        `/api/tasks/queue?group=accounting&caseId=${caseId}&unassigned=true`,
        { token: token.accounting },
      );
      expect((queue.body.items as { key: string }[]).map((t) => t.key)).toEqual([K.BillingSetup]);
      const done = await callApi(svc.url, 'GET', `/api/tasks/queue?group=legal&status=done&caseId=${caseId}&limit=1`, {
        token: token.lead,
      });
      expect(done.body).toEqual(expect.objectContaining({ total: 1, limit: 1, offset: 0 }));
      expect((await callApi(svc.url, 'GET', '/api/tasks/queue?group=legal', { token: token.accounting })).status).toBe(
        403,
      );
      expect((await callApi(svc.url, 'GET', '/api/tasks/queue?group=sales', { token: token.accounting })).status).toBe(
        400,
      );
    });
  });

  describe('templates', () => {
    const dto = (templates: unknown[], version: number) => ({ templates, version });

    it('is edited by the admin only; a cycle is refused with 422 naming it', async () => {
      const current = (await callApi(svc.url, 'GET', '/api/contracts/task-templates', { token: token.lead })).body;
      expect(current.templates).toEqual(DEFAULT_TASK_TEMPLATES);
      const cyclic = [
        { key: 'a', title: 'A', group: 'legal', dependsOn: ['b'], dueDays: 1, required: true },
        { key: 'b', title: 'B', group: 'accounting', dependsOn: ['a'], dueDays: 1, required: true },
      ];
      expect(
        (
          await callApi(svc.url, 'PUT', '/api/contracts/task-templates', {
            token: token.lead,
            body: dto(cyclic, current.version),
          })
        ).status,
      ).toBe(403);
      const refused = await callApi(svc.url, 'PUT', '/api/contracts/task-templates', {
        token: token.admin,
        body: dto(cyclic, current.version),
      });
      expect(refused.status).toBe(422);
      expect(refused.body).toEqual(
        expect.objectContaining({ code: 'contract.template_cycle', details: { cycle: ['a', 'b', 'a'] } }),
      );
      expect(refused.body.message).toContain('a -> b -> a');
    });

    it('applies a saved set to cases opened afterwards, and refuses a stale version', async () => {
      const set = NDA_THEN_INVOICE;
      const saved = await callApi(svc.url, 'PUT', '/api/contracts/task-templates', {
        token: token.admin,
        body: dto(set, 1),
      });
      expect(saved.status).toBe(200);
      expect(saved.body.version).toBe(2);
      expect(
        (await callApi(svc.url, 'PUT', '/api/contracts/task-templates', { token: token.admin, body: dto(set, 1) }))
          .status,
      ).toBe(409);
      const { tasks } = await openCase();
      expect(Object.keys(tasks).sort()).toEqual(['invoice', 'nda']);
    });
  });

  describe('overdue sweep', () => {
    it('reminds at due and escalates after the grace, exactly once per task and level', async () => {
      await saveTemplates(NDA_THEN_INVOICE);
      const opened = new Date('2030-01-01T09:00:00.000Z');
      jest.spyOn(svc.clock, 'now').mockReturnValue(opened);
      const { caseId, tasks } = await openCase();
      const sweep = svc.app.get(OverdueTasksSweep);
      const notices = async () =>
        (await emitted(svc.db.url, JobName.TaskOverdue))
          .filter((n) => n.caseId === caseId)
          .map((n) => [n.taskId === tasks.nda ? 'nda' : n.taskId, n.level]);
      const hours = (h: number) => new Date(opened.getTime() + h * 3_600_000);

      await sweep.run(hours(23));
      expect(await notices()).toEqual([]);
      await sweep.run(hours(25));
      await sweep.run(hours(26));
      expect(await notices()).toEqual([['nda', 'reminder']]);
      await sweep.run(hours(49));
      await sweep.run(hours(49));
      expect(await notices()).toEqual([
        ['nda', 'reminder'],
        ['nda', 'escalation'],
      ]);
      expect(await count(svc.db.url, 'contracts.overdue_notice WHERE task_id = $1', [tasks.nda])).toBe(2);
      // The blocked invoice task has no due date yet, so it is never overdue.
      expect(await count(svc.db.url, 'contracts.overdue_notice WHERE task_id = $1', [tasks.invoice])).toBe(0);

      // Done, it is never reminded again; the task it released counts its own due period from that moment.
      jest.spyOn(svc.clock, 'now').mockReturnValue(hours(50));
      await callApi(svc.url, 'POST', `/api/tasks/${tasks.nda}/claim`, { token: token.legal });
      await callApi(svc.url, 'POST', `/api/tasks/${tasks.nda}/complete`, { token: token.legal });
      await sweep.run(hours(97));
      expect(await count(svc.db.url, 'contracts.overdue_notice WHERE task_id = $1', [tasks.invoice])).toBe(0);
      await sweep.run(hours(99));
      await sweep.run(hours(200));
      expect(await notices()).toEqual([
        ['nda', 'reminder'],
        ['nda', 'escalation'],
        [tasks.invoice, 'reminder'],
        [tasks.invoice, 'escalation'],
      ]);
    });

    it("lists escalated and due-by tasks, a case's due facts and graph, and the caller's groups", async () => {
      await saveTemplates(NDA_THEN_INVOICE);
      const opened = new Date('2031-01-01T09:00:00.000Z');
      const hours = (h: number) => new Date(opened.getTime() + h * 3_600_000);
      jest.spyOn(svc.clock, 'now').mockReturnValue(opened);
      const { caseId } = await openCase();
      await svc.app.get(OverdueTasksSweep).run(hours(49));
      jest.spyOn(svc.clock, 'now').mockReturnValue(hours(49));
      type Listed = { items: { id: string; key: string; escalated: boolean; overdue: boolean }[] };
      type Cases = { items: { id: string; nextDueAt: string | null }[] };
      const queue = async (query: string) =>
        (
          await callApi<Listed>(svc.url, 'GET', `/api/tasks/queue?group=legal&caseId=${caseId}&${query}`, {
            token: token.legal,
          })
        ).body.items.map((t) => [t.key, t.escalated, t.overdue]);
      expect(await queue('escalated=true')).toEqual([['nda', true, true]]);
      expect(await queue(`dueBy=${hours(23).toISOString()}`)).toEqual([]);
      expect(await queue(`dueBy=${hours(25).toISOString()}`)).toEqual([['nda', true, true]]);

      // Without a sort: the soonest due first (overdue cases lead), cases with nothing due last.
      const list = (await callApi<Cases>(svc.url, 'GET', '/api/contracts?limit=200', { token: token.legal })).body;
      const summary = list.items.find((c) => c.id === caseId);
      expect(summary).toMatchObject({ nextDueAt: hours(24).toISOString(), overdueTasks: 1 });
      const dues = list.items.map((c) => c.nextDueAt);
      const known = dues.filter((d) => d !== null);
      expect(known).toEqual([...known].sort());
      expect(dues.slice(known.length).every((d) => d === null)).toBe(true);
      type Named = { items: { nextDueAt: string | null; openedAt: string; companyName: string | null }[] };
      const sorted = async (sort: string) =>
        (await callApi<Named>(svc.url, 'GET', `/api/contracts?sort=${sort}&limit=200`, { token: token.legal })).body
          .items;
      const latestFirst = (await sorted('-nextDueAt')).map((c) => c.nextDueAt).filter((d) => d !== null);
      expect(latestFirst).toEqual([...known].sort().reverse());
      const openedAts = (await sorted('openedAt')).map((c) => c.openedAt);
      expect(openedAts).toEqual([...openedAts].sort());
      expect((await sorted('-openedAt')).map((c) => c.openedAt)).toEqual([...openedAts].reverse());
      for (const old of ['due', 'opened', 'company', 'title'])
        expect((await callApi(svc.url, 'GET', `/api/contracts?sort=${old}`, { token: token.legal })).status).toBe(400);
      const otherLine = (
        await callApi<Cases>(svc.url, 'GET', `/api/contracts?productLineId=${randomUUID()}&limit=200`, {
          token: token.legal,
        })
      ).body;
      expect(otherLine.items.some((c) => c.id === caseId)).toBe(false);

      type Case = { tasks: { key: string; blockedBy: string[]; critical: boolean }[]; remainingDays: number };
      const one = (await callApi<Case>(svc.url, 'GET', `/api/contracts/${caseId}`, { token: token.legal })).body;
      expect(one.tasks.map((t) => [t.key, t.blockedBy, t.critical])).toEqual([
        ['nda', [], true],
        ['invoice', ['nda'], true],
      ]);
      expect(one.remainingDays).toBe(3);
      expect((await callApi(svc.url, 'GET', '/api/tasks/groups', { token: token.lead })).body).toEqual({
        groups: ['legal'],
        leadOf: ['legal'],
      });
    });
  });
});
