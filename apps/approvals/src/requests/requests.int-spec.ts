import { randomUUID } from 'node:crypto';
import { JobName } from '@dealgate/messages';
import { ApprovalsFixture, startApprovals } from '../../test/approvals-fixture';
import { requestedPayload } from '../../test/approvals-kit';

describe('approvals: requests, decisions, access (PostgreSQL)', () => {
  let f: ApprovalsFixture;

  beforeAll(async () => {
    f = await startApprovals();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('opens one request per requestId, freezes the snapshot and announces step 0 to the unit head', async () => {
    const payload = await f.open();
    // A redelivery under a new message id (the requester's relay retried) opens nothing new.
    await f.handled(await f.deliver(JobName.ApprovalRequested, payload));
    expect(await f.count('SELECT count(*) FROM approvals.approval_request WHERE id = $1', [payload.requestId])).toBe(1);
    const opened = await f.emitted(payload.requestId, JobName.ApprovalStepOpened);
    expect(opened).toEqual([expect.objectContaining({ stepIndex: 0, approverUserId: f.people.headA.userId })]);

    const detail = await f.as('headA', 'GET', `/api/approvals/${payload.requestId}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      status: 'pending',
      stepCount: 1,
      snapshot: payload.snapshot,
      currentStepIndex: 0,
    });
    expect(detail.body.history.map((h) => h.action)).toEqual(['requested', 'step_opened']);
    expect(detail.body.history[0].actorId).toBe(f.people.seller1.userId);

    const pending = await f.as('headA', 'GET', '/api/approvals/pending?subjectKind=offer');
    expect(pending.body.items.map((i) => i.id)).toContain(payload.requestId);
  });

  it('hides a request from whoever has no business with it (404) and shows it to the requester and the owner', async () => {
    const payload = await f.open();
    for (const outsider of ['headB', 'seller2'] as const) {
      expect((await f.as(outsider, 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(404);
      expect(
        (await f.as(outsider, 'POST', `/api/approvals/${payload.requestId}/approve`, { stepIndex: 0 })).status,
      ).toBe(404);
      const pending = await f.as(outsider, 'GET', '/api/approvals/pending');
      expect(pending.body.items.map((i) => i.id)).not.toContain(payload.requestId);
    }
    expect((await f.as('seller1', 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(200);
    expect((await f.as('owner1', 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(200);
    expect((await f.as('admin', 'GET', `/api/approvals/${payload.requestId}`)).status).toBe(403);
    const mine = await f.as('seller1', 'GET', `/api/approvals?mine=true&status=pending&subjectId=${payload.subjectId}`);
    expect(mine.body).toMatchObject({ total: 1, items: [{ id: payload.requestId }] });
  });

  it('refuses a decision outside the step (403) and by the requester whatever their roles (403), changing nothing', async () => {
    const offer = await f.open();
    const owner = await f.as('owner1', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(owner).toMatchObject({ status: 403, body: { code: 'approval.not_eligible' } });
    const deputy = await f.as('deputyA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(deputy.status).toBe(403);
    const admin = await f.as('admin', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(admin.status).toBe(403);

    // A requester holding owner and sales head roles still cannot approve their own sample.
    const sample = await f.open({
      subjectKind: 'target_sample',
      requesterId: f.people.ownerSeller.userId,
      amount: null,
      discountPercent: null,
    });
    const own = await f.as('ownerSeller', 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 });
    expect(own).toMatchObject({ status: 403, body: { code: 'approval.forbidden_own_request' } });
    const pending = await f.as('ownerSeller', 'GET', '/api/approvals/pending');
    expect(pending.body.items.map((i) => i.id)).not.toContain(sample.requestId);
    expect(
      await f.count(
        `SELECT count(*) FROM approvals.approval_step WHERE request_id = ANY($1::uuid[]) AND decided_by IS NOT NULL`,
        [[offer.requestId, sample.requestId]],
      ),
    ).toBe(0);

    const ok = await f.as('owner2', 'POST', `/api/approvals/${sample.requestId}/approve`, { stepIndex: 0 });
    expect(ok).toMatchObject({ status: 200, body: { status: 'approved', closedBy: f.people.owner2.userId } });
  });

  it('never lets the author of the subject approve it, even when another person submitted it', async () => {
    const offer = await f.open({ snapshot: { authorId: f.people.headA.userId, items: [] } });
    const detail = await f.as('headA', 'GET', `/api/approvals/${offer.requestId}`);
    // The head drafted it, so the policy's fallback (the owner) approves instead of the head.
    expect(detail.body).toMatchObject({ authorIds: [f.people.headA.userId], steps: [{ approver: { role: 'owner' } }] });
    const pending = await f.as('headA', 'GET', '/api/approvals/pending');
    expect(pending.body.items.map((i) => i.id)).not.toContain(offer.requestId);
    const own = await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(own).toMatchObject({ status: 403, body: { code: 'approval.forbidden_own_request' } });
    const ok = await f.as('owner1', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    expect(ok.body.status).toBe('approved');
  });

  it('walks a big offer through the unit head, then the owner, and announces one approved decision', async () => {
    const offer = await f.open({ amount: 2_500_000 });
    const first = await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, {
      stepIndex: 0,
      comment: 'fine',
    });
    expect(first.body).toMatchObject({
      status: 'pending',
      currentStepIndex: 1,
      currentStep: { approver: { role: 'owner' } },
    });
    expect(await f.emitted(offer.requestId, JobName.ApprovalDecided)).toEqual([]);
    expect((await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })).status).toBe(
      409,
    );

    const second = await f.as('owner1', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 1 });
    expect(second.body).toMatchObject({ status: 'approved', steps: [{ status: 'approved' }, { status: 'approved' }] });
    const decided = await f.emitted(offer.requestId, JobName.ApprovalDecided);
    expect(decided).toEqual([
      expect.objectContaining({
        outcome: 'approved',
        decidedBy: f.people.owner1.userId,
        subjectVersion: 1,
        requesterId: f.people.seller1.userId,
      }),
    ]);
    expect((await f.as('owner2', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 1 })).status).toBe(
      409,
    );
  });

  it('requires a comment to reject (400 naming the field, nothing changes), then rejects', async () => {
    const offer = await f.open();
    for (const body of [{ stepIndex: 0 }, { stepIndex: 0, comment: '   ' }]) {
      const bad = await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/reject`, body);
      expect(bad.status).toBe(400);
      expect(bad.body.fields.map((e) => e.field)).toContain('comment');
    }
    const badStep = await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 'first' });
    expect(badStep.body.fields.map((e) => e.field)).toEqual(['stepIndex']);
    expect((await f.as('headA', 'GET', `/api/approvals/${offer.requestId}`)).body).toMatchObject({
      status: 'pending',
      version: 1,
    });

    const rejected = await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/reject`, {
      stepIndex: 0,
      comment: 'Item 2 answers no need',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', closeComment: 'Item 2 answers no need' });
    expect(await f.emitted(offer.requestId, JobName.ApprovalDecided)).toEqual([
      expect.objectContaining({ outcome: 'rejected', comment: 'Item 2 answers no need' }),
    ]);
  });

  it('lets only the requester recall, and only while pending', async () => {
    const offer = await f.open();
    expect((await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/recall`, {})).body.code).toBe(
      'approval.recall_not_requester',
    );
    const recalled = await f.as('seller1', 'POST', `/api/approvals/${offer.requestId}/recall`, {
      comment: 'revising prices',
    });
    expect(recalled.body).toMatchObject({ status: 'recalled', closedBy: f.people.seller1.userId });
    expect((await f.as('seller1', 'POST', `/api/approvals/${offer.requestId}/recall`, {})).status).toBe(409);
    expect((await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 })).status).toBe(
      409,
    );
    expect((await f.emitted(offer.requestId, JobName.ApprovalDecided)).map((d) => d.outcome)).toEqual(['recalled']);
  });

  it('voids a pending request when the subject is edited, even when the void overtakes the request', async () => {
    const offer = await f.open();
    await f.handled(await f.deliver(JobName.ApprovalVoided, { requestId: offer.requestId, reason: 'offer edited' }));
    expect((await f.as('headA', 'GET', `/api/approvals/${offer.requestId}`)).body).toMatchObject({ status: 'voided' });
    // A second void of a closed request announces nothing more.
    await f.handled(await f.deliver(JobName.ApprovalVoided, { requestId: offer.requestId, reason: 'again' }));
    expect((await f.emitted(offer.requestId, JobName.ApprovalDecided)).map((d) => d.outcome)).toEqual(['voided']);

    const late = requestedPayload({ requesterId: f.people.seller1.userId, unitId: f.unitA });
    await f.handled(await f.deliver(JobName.ApprovalVoided, { requestId: late.requestId, reason: 'edited' }));
    await f.handled(await f.deliver(JobName.ApprovalRequested, late));
    expect((await f.as('seller1', 'GET', `/api/approvals/${late.requestId}`)).body).toMatchObject({
      status: 'voided',
      currentStep: null,
    });
    expect(await f.emitted(late.requestId, JobName.ApprovalStepOpened)).toEqual([]);
    expect((await f.emitted(late.requestId, JobName.ApprovalDecided)).map((d) => d.outcome)).toEqual(['voided']);
  });

  it('turns an approval the subject’s service could not apply into a rejection, and says so once', async () => {
    const offer = await f.open();
    const overrule = {
      requestId: offer.requestId,
      reason: 'Approval not applied: the prospect is lost',
      overruledAt: new Date().toISOString(),
    };
    // A pending request is not overruled: only an approval is.
    await f.handled(await f.deliver(JobName.ApprovalOverruled, overrule));
    expect((await f.as('headA', 'GET', `/api/approvals/${offer.requestId}`)).body).toMatchObject({ status: 'pending' });

    await f.as('headA', 'POST', `/api/approvals/${offer.requestId}/approve`, { stepIndex: 0 });
    await f.handled(await f.deliver(JobName.ApprovalOverruled, overrule));
    expect((await f.as('headA', 'GET', `/api/approvals/${offer.requestId}`)).body).toMatchObject({
      status: 'rejected',
      closedBy: f.people.headA.userId,
      closeComment: 'Approval not applied: the prospect is lost',
    });
    // Delivered again (a new message id): the outcome stands and is announced once.
    await f.handled(await f.deliver(JobName.ApprovalOverruled, overrule));
    expect((await f.emitted(offer.requestId, JobName.ApprovalDecided)).map((d) => [d.outcome, d.comment])).toEqual([
      ['approved', null],
      ['rejected', 'Approval not applied: the prospect is lost'],
    ]);
  });

  it('lists the whole history of a subject, every version, oldest first', async () => {
    const subjectId = randomUUID();
    const v1 = await f.open({ subjectId, subjectVersion: 1 });
    await f.as('headA', 'POST', `/api/approvals/${v1.requestId}/reject`, { stepIndex: 0, comment: 'too vague' });
    const v2 = await f.open({ subjectId, subjectVersion: 2 });
    await f.as('headA', 'POST', `/api/approvals/${v2.requestId}/approve`, { stepIndex: 0 });
    const history = await f.as('seller1', 'GET', `/api/approvals/history?subjectId=${subjectId}`);
    expect(history.body.total).toBe(2);
    expect(history.body.items.map((r) => [r.subjectVersion, r.status])).toEqual([
      [1, 'rejected'],
      [2, 'approved'],
    ]);
    expect(history.body.items[0].history.map((h) => h.action)).toEqual(['requested', 'step_opened', 'rejected']);
    expect((await f.as('headB', 'GET', `/api/approvals/history?subjectId=${subjectId}`)).body.total).toBe(0);
    expect((await f.as('headB', 'GET', '/api/approvals/history?subjectId=nope')).status).toBe(400);
  });
});
