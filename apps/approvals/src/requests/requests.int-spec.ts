import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { startService } from '@dealgate/chassis';
import { Clock } from '@dealgate/common';
import { TestDatabase, createTestDatabase, seedDirectory, testEnv, tokenFor } from '@dealgate/testing';
import { approvalsService } from '../approvals.service-definition';
import {
  call,
  count,
  deliver,
  emitted,
  processed,
  requestedPayload,
} from '../../../../test/approvals/support/approvals-kit';

const unitA = randomUUID();
const unitB = randomUUID();
const people = {
  headA: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA },
  deputyA: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA },
  headB: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitB },
  owner1: { userId: randomUUID(), roles: [Role.Owner], unitId: null },
  owner2: { userId: randomUUID(), roles: [Role.Owner], unitId: null },
  ownerSeller: { userId: randomUUID(), roles: [Role.Owner, Role.Salesperson, Role.SalesHead], unitId: unitA },
  seller1: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA },
  seller2: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA },
  admin: { userId: randomUUID(), roles: [Role.Admin], unitId: null },
  // The directory copy knows better than their (still valid) tokens: one demoted, one deactivated.
  demoted: { userId: randomUUID(), roles: [Role.Salesperson], unitId: null },
  gone: { userId: randomUUID(), roles: [Role.Owner], unitId: null, active: false },
};
type Person = keyof typeof people;
const token = (who: Person) =>
  tokenFor(who === 'demoted' || who === 'gone' ? { ...people[who], roles: [Role.Owner] } : people[who]);

describe('approvals: requests, decisions, access (PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  const as = (who: Person, method: string, path: string, body?: unknown) => call(url, token(who), method, path, body);

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, url } = await startService(approvalsService, testEnv(db.url)));
    await seedDirectory(
      db.url,
      ['approvals'],
      Object.values(people).map((p) => ({ ...p, roles: [...p.roles] })),
      [
        { unitId: unitA, name: 'A', headUserId: people.headA.userId },
        { unitId: unitB, name: 'B', headUserId: people.headB.userId },
      ],
    );
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  async function open(overrides: Parameters<typeof requestedPayload>[0] = {}) {
    const payload = requestedPayload({ requesterId: people.seller1.userId, unitId: unitA, ...overrides });
    await processed(db.url, await deliver(app, JobName.ApprovalRequested, payload));
    return payload;
  }

  it('opens one request per requestId, freezes the snapshot and announces step 0 to the unit head', async () => {
    const payload = await open();
    // A redelivery under a new message id (the requester's relay retried) opens nothing new.
    await processed(db.url, await deliver(app, JobName.ApprovalRequested, payload));
    expect(await count(db.url, 'approvals.approval_request WHERE id = $1', [payload.requestId])).toBe(1);
    const opened = await emitted(db.url, payload.requestId, JobName.ApprovalStepOpened);
    expect(opened).toEqual([expect.objectContaining({ stepIndex: 0, approverUserId: people.headA.userId })]);

    const detail = await as('headA', 'GET', `/api/approvals/${payload.requestId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'pending',
      stepCount: 1,
      snapshot: payload.snapshot,
      currentStepIndex: 0,
    });
    expect(detail.body.history.map((h) => h.action)).toEqual(['requested', 'step_opened']);
    expect(detail.body.history[0].actorId).toBe(people.seller1.userId);

    const pending = await as('headA', 'GET', '/api/approvals/pending?subjectKind=offer');
    expect(pending.body.items.map((i) => i.id)).toContain(payload.requestId);
  });

  it('hides a request from whoever has no business with it (404) and shows it to the requester and the owner', async () => {
    const payload = await open();
    for (const outsider of ['headB', 'seller2'] as const) {
      expect((await as(outsider, 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(404);
      expect((await as(outsider, 'POST', `/api/approvals/${payload.requestId}/approve`, { stepIndex: 0 })).status).toBe(
        404,
      );
      const pending = await as(outsider, 'GET', '/api/approvals/pending');
      expect(pending.body.items.map((i) => i.id)).not.toContain(payload.requestId);
    }
    expect((await as('seller1', 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(200);
    expect((await as('owner1', 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(200);
    expect((await as('admin', 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(403);
    const mine = await as('seller1', 'GET', `/api/approvals?mine=true&status=pending&subjectId=${payload.subjectId}`);
    expect(mine.body).toMatchObject({ total: 1, items: [{ id: payload.requestId }] });
  });

  it('refuses a decision outside the step (403) and by the requester whatever their roles (403), changing nothing', async () => {
    const offer = await open();
    const owner = await as('owner1', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(owner).toMatchObject({ status: 403, body: { code: 'approval.not_eligible' } });
    const deputy = await as('deputyA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(deputy.status).toBe(403);
    const admin = await as('admin', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(admin.status).toBe(403);

    // A requester holding owner and sales head roles still cannot approve their own sample.
    const sample = await open({
      subjectKind: 'target_sample',
      requesterId: people.ownerSeller.userId,
      amount: null,
      discountPercent: null,
    });
    const own = await as('ownerSeller', 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 });
    expect(own).toMatchObject({ status: 403, body: { code: 'approval.forbidden_own_request' } });
    const pending = await as('ownerSeller', 'GET', '/api/approvals/pending');
    expect(pending.body.items.map((i) => i.id)).not.toContain(sample.requestId);
    expect(
      await count(db.url, `approvals.approval_step WHERE request_id = ANY($1::uuid[]) AND decided_by IS NOT NULL`, [
        [offer.requestId, sample.requestId],
      ]),
    ).toBe(0);

    const ok = await as('owner2', 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 });
    expect(ok).toMatchObject({ status: 200, body: { status: 'approved', closedBy: people.owner2.userId } });
  });

  it('walks a big offer through the unit head, then the owner, and announces one approved decision', async () => {
    const offer = await open({ amount: 2_500_000 });
    const first = await as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, {
      stepIndex: 0,
      comment: 'fine',
    });
    expect(first.body).toMatchObject({
      status: 'pending',
      currentStepIndex: 1,
      currentStep: { approver: { role: 'owner' } },
    });
    expect(await emitted(db.url, offer.requestId, JobName.ApprovalDecided)).toEqual([]);
    expect((await as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })).status).toBe(409);

    const second = await as('owner1', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 1 });
    expect(second.body).toMatchObject({ status: 'approved', steps: [{ status: 'approved' }, { status: 'approved' }] });
    const decided = await emitted(db.url, offer.requestId, JobName.ApprovalDecided);
    expect(decided).toEqual([
      expect.objectContaining({
        outcome: 'approved',
        decidedBy: people.owner1.userId,
        subjectVersion: 1,
        requesterId: people.seller1.userId,
      }),
    ]);
    expect((await as('owner2', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 1 })).status).toBe(
      409,
    );
  });

  it('requires a comment to reject (400 naming the field, nothing changes), then rejects', async () => {
    const offer = await open();
    for (const body of [{ stepIndex: 0 }, { stepIndex: 0, comment: '   ' }]) {
      const bad = await as('headA', 'POST', `/api/approvals/${offer.requestId}/reject`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((f) => f.field)).toContain('comment');
    }
    const badStep = await as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 'first' });
    expect(badStep.body.fields.map((f) => f.field)).toEqual(['stepIndex']);
    expect((await as('headA', 'GET', `/api/approvals/${offer.requestId}`)).body).toMatchObject({
      status: 'pending',
      version: 1,
    });

    const rejected = await as('headA', 'POST', `/api/approvals/${offer.requestId}/reject`, {
      stepIndex: 0,
      comment: 'Item 2 answers no need',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', closeComment: 'Item 2 answers no need' });
    expect(await emitted(db.url, offer.requestId, JobName.ApprovalDecided)).toEqual([
      expect.objectContaining({ outcome: 'rejected', comment: 'Item 2 answers no need' }),
    ]);
  });

  it('lets only the requester recall, and only while pending', async () => {
    const offer = await open();
    expect((await as('headA', 'POST', `/api/approvals/${offer.requestId}/recall`, {})).body.code).toBe(
      'approval.recall_not_requester',
    );
    const recalled = await as('seller1', 'POST', `/api/approvals/${offer.requestId}/recall`, {
      comment: 'revising prices',
    });
    expect(recalled.body).toMatchObject({ status: 'recalled', closedBy: people.seller1.userId });
    expect((await as('seller1', 'POST', `/api/approvals/${offer.requestId}/recall`, {})).status).toBe(409);
    expect((await as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })).status).toBe(409);
    expect((await emitted(db.url, offer.requestId, JobName.ApprovalDecided)).map((d) => d.outcome)).toEqual([
      'recalled',
    ]);
  });

  it('voids a pending request when the subject is edited, even when the void overtakes the request', async () => {
    const offer = await open();
    await processed(
      db.url,
      await deliver(app, JobName.ApprovalVoided, { requestId: offer.requestId, reason: 'offer edited' }),
    );
    expect((await as('headA', 'GET', `/api/approvals/${offer.requestId}`)).body).toMatchObject({ status: 'voided' });
    // A second void of a closed request announces nothing more.
    await processed(
      db.url,
      await deliver(app, JobName.ApprovalVoided, { requestId: offer.requestId, reason: 'again' }),
    );
    expect((await emitted(db.url, offer.requestId, JobName.ApprovalDecided)).map((d) => d.outcome)).toEqual(['voided']);

    const late = requestedPayload({ requesterId: people.seller1.userId, unitId: unitA });
    await processed(
      db.url,
      await deliver(app, JobName.ApprovalVoided, { requestId: late.requestId, reason: 'edited' }),
    );
    await processed(db.url, await deliver(app, JobName.ApprovalRequested, late));
    expect((await as('seller1', 'GET', `/api/approvals/${late.requestId}`)).body).toMatchObject({
      status: 'voided',
      currentStep: null,
    });
    expect(await emitted(db.url, late.requestId, JobName.ApprovalStepOpened)).toEqual([]);
    expect((await emitted(db.url, late.requestId, JobName.ApprovalDecided)).map((d) => d.outcome)).toEqual(['voided']);
  });

  it('lets a delegate decide for the approver within the date range only, recorded on behalf', async () => {
    const clock = app.get(Clock);
    const offer = await open();
    const start = new Date(Date.now() + 3_600_000);
    const end = new Date(start.getTime() + 7 * 86_400_000);
    const bad = await as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: 'x',
      startsAt: 'soon',
      endsAt: end,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f) => f.field).sort()).toEqual(['delegateId', 'startsAt']);
    const self = await as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: people.headA.userId,
      startsAt: start,
      endsAt: end,
    });
    expect(self).toMatchObject({ status: 422, body: { code: 'approval.delegation_invalid' } });

    const created = await as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: people.seller2.userId,
      startsAt: start,
      endsAt: end,
    });
    expect(created.status).toBe(201);
    // Not yet active: the delegate neither sees nor decides it.
    expect((await as('seller2', 'GET', '/api/approvals/pending')).body.total).toBe(0);
    expect((await as('seller2', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })).status).toBe(
      404,
    );

    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + 60_000));
    try {
      expect((await as('seller2', 'GET', '/api/approvals/delegations?role=received')).body.total).toBe(1);
      const pending = await as('seller2', 'GET', '/api/approvals/pending');
      // Everything waiting for the unit head, this offer included.
      expect(pending.body.items.map((i) => i.id)).toContain(offer.requestId);
      const approved = await as('seller2', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
      expect(approved.body).toMatchObject({
        status: 'approved',
        steps: [{ decidedBy: people.seller2.userId, onBehalfOf: people.headA.userId }],
      });
      expect(await emitted(db.url, offer.requestId, JobName.ApprovalDecided)).toEqual([
        expect.objectContaining({ decidedBy: people.seller2.userId, onBehalfOf: people.headA.userId }),
      ]);
      expect(approved.body.history.find((h) => h.action === 'approved')).toMatchObject({
        actorId: people.seller2.userId,
        onBehalfOf: people.headA.userId,
      });
    } finally {
      now.mockRestore();
    }
    // The requester cannot approve by proxy: a delegation to the requester confers nothing on their own request.
    await as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: people.seller1.userId,
      startsAt: new Date(Date.now() - 1000),
      endsAt: end,
    });
    const own = await open();
    expect((await as('seller1', 'POST', `/api/approvals/${own.requestId}/approve`, { stepIndex: 0 })).body.code).toBe(
      'approval.forbidden_own_request',
    );
    const revoked = await as('headA', 'DELETE', `/api/approvals/delegations/${created.body.id}`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await as('seller2', 'DELETE', `/api/approvals/delegations/${created.body.id}`)).status).toBe(404);
  });

  it('records exactly one decision when many approvers decide the same step at once; the others get 409', async () => {
    const sample = await open({ subjectKind: 'target_sample', amount: null, discountPercent: null });
    const racers: Person[] = ['owner1', 'owner2', 'ownerSeller'];
    const attempts = Array.from({ length: 24 }, (_, i) => {
      const who = racers[i % racers.length];
      const action = i % 4 === 3 ? 'reject' : 'approve';
      return as(who, 'POST', `/api/approvals/${sample.requestId}/${action}`, { stepIndex: 0, comment: `attempt ${i}` });
    });
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(statuses.length - 1);
    expect(
      await count(db.url, `approvals.approval_step WHERE request_id = $1 AND decided_by IS NOT NULL`, [
        sample.requestId,
      ]),
    ).toBe(1);
    expect(
      await count(db.url, `approvals.approval_audit WHERE request_id = $1 AND action IN ('approved', 'rejected')`, [
        sample.requestId,
      ]),
    ).toBe(1);
    expect(await emitted(db.url, sample.requestId, JobName.ApprovalDecided)).toHaveLength(1);
  });

  it('serialises a recall racing approvals: one outcome wins, announced once', async () => {
    const offer = await open();
    const attempts = Array.from({ length: 16 }, (_, i) =>
      i % 2 === 0
        ? as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })
        : as('seller1', 'POST', `/api/approvals/${offer.requestId}/recall`, {}),
    );
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    const decided = await emitted(db.url, offer.requestId, JobName.ApprovalDecided);
    expect(decided).toHaveLength(1);
    const final = await as('seller1', 'GET', `/api/approvals/${offer.requestId}`);
    expect(final.body.status).toBe(decided[0].outcome);
  });

  it('takes roles from the directory copy, not from a token issued before a demotion or deactivation', async () => {
    const sample = await open({ subjectKind: 'target_sample', amount: null, discountPercent: null });
    for (const who of ['demoted', 'gone'] as const) {
      expect((await as(who, 'GET', `/api/approvals/${sample.requestId}`)).status).toBe(404);
      expect((await as(who, 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 })).status).toBe(404);
      expect((await as(who, 'GET', '/api/approvals/pending')).body.total).toBe(0);
    }
  });

  it('keeps the audit trail append-only and the snapshot and chain of a request frozen', async () => {
    const offer = await open();
    const { queryOnce } = await import('@dealgate/testing');
    for (const sql of [
      `UPDATE approvals.approval_request SET snapshot = '{}' WHERE id = $1`,
      `UPDATE approvals.approval_request SET amount = 1 WHERE id = $1`,
      `DELETE FROM approvals.approval_request WHERE id = $1`,
      `UPDATE approvals.approval_step SET approver_user_id = NULL, approver_role = 'owner' WHERE request_id = $1`,
      `DELETE FROM approvals.approval_step WHERE request_id = $1`,
    ]) {
      await expect(queryOnce(db.url, sql, [offer.requestId])).rejects.toThrow(/frozen|never deleted/);
    }
    await as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    await expect(
      queryOnce(db.url, `UPDATE approvals.approval_step SET decided_by = $2 WHERE request_id = $1`, [
        offer.requestId,
        people.owner1.userId,
      ]),
    ).rejects.toThrow(/final/);
    expect((await as('seller1', 'GET', `/api/approvals/${offer.requestId}`)).body.snapshot).toEqual(offer.snapshot);

    await expect(count(db.url, 'approvals.approval_audit')).resolves.toBeGreaterThan(0);
    await expect(queryOnce(db.url, 'DELETE FROM approvals.approval_audit')).rejects.toThrow(/append-only/);
    await expect(queryOnce(db.url, "UPDATE approvals.approval_audit SET action = 'x'")).rejects.toThrow(/append-only/);
  });

  it('lists the whole history of a subject, every version, oldest first', async () => {
    const subjectId = randomUUID();
    const v1 = await open({ subjectId, subjectVersion: 1 });
    await as('headA', 'POST', `/api/approvals/${v1.requestId}/reject`, { stepIndex: 0, comment: 'too vague' });
    const v2 = await open({ subjectId, subjectVersion: 2 });
    await as('headA', 'POST', `/api/approvals/${v2.requestId}/approve`, { stepIndex: 0 });
    const history = await as('seller1', 'GET', `/api/approvals/history?subjectId=${subjectId}`);
    expect(history.body.total).toBe(2);
    expect(history.body.items.map((r) => [r.subjectVersion, r.status])).toEqual([
      [1, 'rejected'],
      [2, 'approved'],
    ]);
    expect(history.body.items[0].history.map((h) => h.action)).toEqual(['requested', 'step_opened', 'rejected']);
    expect((await as('headB', 'GET', `/api/approvals/history?subjectId=${subjectId}`)).body.total).toBe(0);
    expect((await as('headB', 'GET', '/api/approvals/history?subjectId=nope')).status).toBe(400);
  });
});
