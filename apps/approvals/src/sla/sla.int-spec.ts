import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { Clock } from '@dealgate/common';
import { MediumTest, startMediumTest } from '@dealgate/testing';
import { approvalsService } from '../approvals.service-definition';
import { ApiBody, emitted, requestedPayload } from '../../test/approvals-kit';
import { ApprovalSlaSweep } from './approval-sla.sweep';

const unitA = randomUUID();
const head = { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA };
const owner = { userId: randomUUID(), roles: [Role.Owner], unitId: null };
const seller = { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA };
const HOUR = 3_600_000;
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);

describe('approvals: SLA reminders and escalations (PostgreSQL)', () => {
  let t: MediumTest<{ head: typeof head; owner: typeof owner; seller: typeof seller }>;

  beforeAll(async () => {
    t = await startMediumTest(approvalsService, {
      people: { head, owner, seller },
      units: [{ unitId: unitA, headUserId: head.userId }],
    });
  });

  afterAll(async () => {
    await t?.stop();
  });

  async function open(overrides: Parameters<typeof requestedPayload>[0] = {}) {
    const payload = requestedPayload({ requesterId: seller.userId, unitId: unitA, ...overrides });
    await t.handled(await t.deliver(JobName.ApprovalRequested, payload));
    const detail = await t.call<ApiBody>('seller', 'GET', `/api/approvals/${payload.requestId}`);
    return { payload, step: detail.body.currentStep as unknown as { dueAt: string; escalationAt: string | null } };
  }

  const breaches = (requestId: string) => emitted(t.db.url, requestId, JobName.ApprovalSlaBreached);

  it('reminds at due and escalates at due + grace, each exactly once across runs, racing replicas and a restart', async () => {
    const { payload, step } = await open();
    const sweep = () => t.app.get(ApprovalSlaSweep);
    await sweep().run(at(step.dueAt, -1));
    expect(await breaches(payload.requestId)).toEqual([]);

    await Promise.all([1, 2, 3, 4].map(() => sweep().run(at(step.dueAt))));
    await sweep().run(at(step.dueAt, HOUR));
    expect(await breaches(payload.requestId)).toEqual([
      expect.objectContaining({ level: 'reminder', stepIndex: 0, recipientUserId: head.userId }),
    ]);

    // Before the escalation the owner may not step in.
    const early = await t.call<ApiBody>('owner', 'POST', `/api/approvals/${payload.requestId}/approve`, {
      body: {
        stepIndex: 0,
      },
    });
    expect(early.status).toBe(403);

    await Promise.all([1, 2, 3].map(() => sweep().run(at(step.escalationAt!))));
    // A restart (new process, same database) finds the keys and sends nothing twice.
    await t.restart();
    await sweep().run(at(step.escalationAt!, 5 * HOUR));
    const sent = await breaches(payload.requestId);
    expect(sent.map((b) => b.level)).toEqual(['reminder', 'escalation']);
    expect(sent[1]).toMatchObject({ recipientRole: 'owner', recipientUserId: null });

    // Once escalated, the escalation target sees it as pending and may decide it.
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at(step.escalationAt!, HOUR));
    try {
      const pending = await t.call<ApiBody>('owner', 'GET', '/api/approvals/pending');
      expect(pending.body.items.map((i) => i.id)).toContain(payload.requestId);
      const decided = await t.call<ApiBody>('owner', 'POST', `/api/approvals/${payload.requestId}/approve`, {
        body: {
          stepIndex: 0,
        },
      });
      expect(decided.body).toMatchObject({ status: 'approved', closedBy: owner.userId });
      expect(decided.body.history.map((h) => [h.action, h.actorId])).toEqual([
        ['requested', seller.userId],
        ['step_opened', null],
        ['reminded', null],
        ['escalated', null],
        ['approved', owner.userId],
      ]);
    } finally {
      clock.mockRestore();
    }
    await sweep().run(at(step.escalationAt!, 100 * HOUR));
    expect(await breaches(payload.requestId)).toHaveLength(2);
  });

  it('only reminds when the step has no one above it (the owner approving a target sample)', async () => {
    const { payload, step } = await open({ subjectKind: 'target_sample', amount: null, discountPercent: null });
    expect(step.escalationAt).toBeNull();
    await t.app.get(ApprovalSlaSweep).run(at(step.dueAt, 30 * 24 * HOUR));
    expect((await breaches(payload.requestId)).map((b) => b.level)).toEqual(['reminder']);
  });

  it('gives each step of a chain its own clock and its own reminder', async () => {
    const { payload, step } = await open({ amount: 5_000_000 });
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(at(step.dueAt, HOUR));
    try {
      await t.app.get(ApprovalSlaSweep).run(at(step.dueAt, HOUR));
      const first = await t.call<ApiBody>('head', 'POST', `/api/approvals/${payload.requestId}/approve`, {
        body: {
          stepIndex: 0,
        },
      });
      expect(first.body.currentStep).toMatchObject({ dueAt: at(step.dueAt, 25 * HOUR).toISOString() });
    } finally {
      clock.mockRestore();
    }
    // Step 1 opened an hour after step 0 was due: its reminder is 24 h later, not at step 0's deadlines.
    await t.app.get(ApprovalSlaSweep).run(at(step.dueAt, 24 * HOUR));
    expect((await breaches(payload.requestId)).map((b) => [b.stepIndex, b.level])).toEqual([[0, 'reminder']]);
    await t.app.get(ApprovalSlaSweep).run(at(step.dueAt, 25 * HOUR));
    expect((await breaches(payload.requestId)).map((b) => [b.stepIndex, b.level])).toEqual([
      [0, 'reminder'],
      [1, 'reminder'],
    ]);
  });
});
