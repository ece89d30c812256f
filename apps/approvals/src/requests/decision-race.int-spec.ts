import { JobName } from '@dealgate/messages';
import { Clock } from '@dealgate/common';
import { queryOnce } from '@dealgate/testing';
import { ApprovalsFixture, Person, startApprovals } from '../../test/approvals-fixture';

describe('approvals: races, delegation, directory roles, frozen records (PostgreSQL)', () => {
  let f: ApprovalsFixture;

  beforeAll(async () => {
    f = await startApprovals();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('lets a delegate decide for the approver within the date range only, recorded on behalf', async () => {
    const clock = f.app.get(Clock);
    const offer = await f.open();
    const start = new Date(Date.now() + 3_600_000);
    const end = new Date(start.getTime() + 7 * 86_400_000);
    const bad = await f.as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: 'x',
      startsAt: 'soon',
      endsAt: end,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((e) => e.field).sort()).toEqual(['delegateId', 'startsAt']);
    const self = await f.as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: f.people.headA.userId,
      startsAt: start,
      endsAt: end,
    });
    expect(self).toMatchObject({ status: 422, body: { code: 'approval.delegation_invalid' } });

    const created = await f.as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: f.people.seller2.userId,
      startsAt: start,
      endsAt: end,
    });
    expect(created.status).toBe(201);
    // Not yet active: the delegate neither sees nor decides it.
    expect((await f.as('seller2', 'GET', '/api/approvals/pending')).body.total).toBe(0);
    expect((await f.as('seller2', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })).status).toBe(
      404,
    );

    const now = jest.spyOn(clock, 'now').mockReturnValue(new Date(start.getTime() + 60_000));
    try {
      expect((await f.as('seller2', 'GET', '/api/approvals/delegations?role=received')).body.total).toBe(1);
      const pending = await f.as('seller2', 'GET', '/api/approvals/pending');
      // Everything waiting for the unit head, this offer included.
      expect(pending.body.items.map((i) => i.id)).toContain(offer.requestId);
      const approved = await f.as('seller2', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
      expect(approved.body).toMatchObject({
        status: 'approved',
        steps: [{ decidedBy: f.people.seller2.userId, onBehalfOf: f.people.headA.userId }],
      });
      expect(await f.emitted(offer.requestId, JobName.ApprovalDecided)).toEqual([
        expect.objectContaining({ decidedBy: f.people.seller2.userId, onBehalfOf: f.people.headA.userId }),
      ]);
      expect(approved.body.history.find((h) => h.action === 'approved')).toMatchObject({
        actorId: f.people.seller2.userId,
        onBehalfOf: f.people.headA.userId,
      });
    } finally {
      now.mockRestore();
    }
    // The requester cannot approve by proxy: a delegation to the requester confers nothing on their own request.
    await f.as('headA', 'POST', '/api/approvals/delegations', {
      delegateId: f.people.seller1.userId,
      startsAt: new Date(Date.now() - 1000),
      endsAt: end,
    });
    const own = await f.open();
    expect((await f.as('seller1', 'POST', `/api/approvals/${own.requestId}/approve`, { stepIndex: 0 })).body.code).toBe(
      'approval.forbidden_own_request',
    );
    const revoked = await f.as('headA', 'DELETE', `/api/approvals/delegations/${created.body.id}`);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await f.as('seller2', 'DELETE', `/api/approvals/delegations/${created.body.id}`)).status).toBe(404);
  });

  it('records exactly one decision when many approvers decide the same step at once; the others get 409', async () => {
    const sample = await f.open({ subjectKind: 'target_sample', amount: null, discountPercent: null });
    const racers: Person[] = ['owner1', 'owner2', 'ownerSeller'];
    const attempts = Array.from({ length: 24 }, (_, i) => {
      const who = racers[i % racers.length];
      const action = i % 4 === 3 ? 'reject' : 'approve';
      return f.as(who, 'POST', `/api/approvals/${sample.requestId}/${action}`, {
        stepIndex: 0,
        comment: `attempt ${i}`,
      });
    });
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(statuses.length - 1);
    expect(
      await f.count(`SELECT count(*) FROM approvals.approval_step WHERE request_id = $1 AND decided_by IS NOT NULL`, [
        sample.requestId,
      ]),
    ).toBe(1);
    expect(
      await f.count(
        `SELECT count(*) FROM approvals.approval_audit WHERE request_id = $1 AND action IN ('approved', 'rejected')`,
        [sample.requestId],
      ),
    ).toBe(1);
    expect(await f.emitted(sample.requestId, JobName.ApprovalDecided)).toHaveLength(1);
  });

  it('serialises a recall racing approvals: one outcome wins, announced once', async () => {
    const offer = await f.open();
    const attempts = Array.from({ length: 16 }, (_, i) =>
      i % 2 === 0
        ? f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })
        : f.as('seller1', 'POST', `/api/approvals/${offer.requestId}/recall`, {}),
    );
    const statuses = (await Promise.all(attempts)).map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    const decided = await f.emitted(offer.requestId, JobName.ApprovalDecided);
    expect(decided).toHaveLength(1);
    const final = await f.as('seller1', 'GET', `/api/approvals/${offer.requestId}`);
    expect(final.body.status).toBe(decided[0].outcome);
  });

  it('takes roles from the directory copy, not from a token issued before a demotion or deactivation', async () => {
    const sample = await f.open({ subjectKind: 'target_sample', amount: null, discountPercent: null });
    // Demoted: the directory's roles count, so the request is not theirs to see or decide.
    expect((await f.as('demoted', 'GET', `/api/approvals/${sample.requestId}`)).status).toBe(404);
    expect((await f.as('demoted', 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 })).status).toBe(
      404,
    );
    expect((await f.as('demoted', 'GET', '/api/approvals/pending')).body.total).toBe(0);
    // Deactivated: the token itself is refused at the service (#16 revocation), whatever it asks.
    expect((await f.as('gone', 'GET', `/api/approvals/${sample.requestId}`)).status).toBe(401);
    expect((await f.as('gone', 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 })).status).toBe(
      401,
    );
    expect((await f.as('gone', 'GET', '/api/approvals/pending')).status).toBe(401);
  });

  it('keeps the audit trail append-only and the snapshot and chain of a request frozen', async () => {
    const offer = await f.open();
    for (const sql of [
      `UPDATE approvals.approval_request SET snapshot = '{}' WHERE id = $1`,
      `UPDATE approvals.approval_request SET amount = 1 WHERE id = $1`,
      `DELETE FROM approvals.approval_request WHERE id = $1`,
      `UPDATE approvals.approval_step SET approver_user_id = NULL, approver_role = 'owner' WHERE request_id = $1`,
      `DELETE FROM approvals.approval_step WHERE request_id = $1`,
    ]) {
      await expect(queryOnce(f.db.url, sql, [offer.requestId])).rejects.toThrow(/frozen|never deleted/);
    }
    await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    await expect(
      queryOnce(f.db.url, `UPDATE approvals.approval_step SET decided_by = $2 WHERE request_id = $1`, [
        offer.requestId,
        f.people.owner1.userId,
      ]),
    ).rejects.toThrow(/final/);
    expect((await f.as('seller1', 'GET', `/api/approvals/${offer.requestId}`)).body.snapshot).toEqual(offer.snapshot);

    await expect(f.count('SELECT count(*) FROM approvals.approval_audit')).resolves.toBeGreaterThan(0);
    await expect(queryOnce(f.db.url, 'DELETE FROM approvals.approval_audit')).rejects.toThrow(/append-only/);
    await expect(queryOnce(f.db.url, "UPDATE approvals.approval_audit SET action = 'x'")).rejects.toThrow(
      /append-only/,
    );
  });
});
