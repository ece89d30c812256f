/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call -- tests read JSON answers loosely */
import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { JobName, ServiceName, queueNameOf } from '@dealgate/messages';
import { waitFor } from '@dealgate/testing';
import { decision, ProspectsHarness, startProspects } from '../../test/prospects-harness';

// The handlers behind the real queue: routing, payload validation and the inbox make a redelivered decision a no-op.
describe('prospects job handlers on the queue', () => {
  let h: ProspectsHarness;
  let queue: Queue;

  beforeAll(async () => {
    h = await startProspects();
    queue = h.app.get<Queue>(getQueueToken(queueNameOf(ServiceName.Prospects)), { strict: false });
  });

  afterAll(async () => {
    await h?.stop();
  });

  async function enqueue(messageId: string, payload: object, jobId = messageId): Promise<void> {
    const envelope = {
      messageId,
      name: JobName.ApprovalDecided,
      payload,
      correlationId: 'queue-test',
      source: ServiceName.Approvals,
      occurredAt: new Date().toISOString(),
    };
    await queue.add(JobName.ApprovalDecided, envelope, { jobId });
  }

  it('turns an approved sample into prospects exactly once, however often the decision is delivered', async () => {
    const lines = await h.call('owner', 'GET', '/product-lines');
    const sample = await h.call('headA', 'POST', '/samples', {
      productLineId: lines.body.items.find((l: any) => l.code === 'supplies').id,
      title: 'Bakeries',
      rationale: 'Bakery chains buying flour weekly',
    });
    const added = await h.call('headA', 'POST', `/samples/${sample.body.id}/companies`, {
      companies: [{ name: 'Upsilon Bakes' }, { name: 'Phi Pastry' }],
    });
    const submitted = await h.call('headA', 'POST', `/samples/${sample.body.id}/submit`, {
      version: added.body.sample.version,
    });
    const request = (await h.outbox('approval.requested')).find(
      (r) => r.payload.requestId === submitted.body.approvalRequestId,
    )!;
    const messageId = randomUUID();
    const payload = decision(request.payload, 'approved', h.people.owner.userId);
    // The same message three times (as after a relay crash or a redelivery): one effect.
    await enqueue(messageId, payload);
    await enqueue(messageId, payload, `${messageId}-again`);
    await enqueue(messageId, payload, `${messageId}-and-again`);
    await waitFor(
      async () => (await h.dataSource.query(`SELECT 1 FROM inbox WHERE message_id = $1`, [messageId])).length === 1,
      {
        what: 'the decision in the inbox',
      },
    );
    // Every delivery has run: the first applied the decision, the other two were acknowledged as duplicates.
    for (const jobId of [messageId, `${messageId}-again`, `${messageId}-and-again`]) {
      await waitFor(async () => (await queue.getJob(jobId))?.isCompleted(), { what: `job ${jobId} done` });
    }
    const prospects = await h.call('owner', 'GET', `/prospects?sampleId=${sample.body.id}`);
    expect(prospects.body.total).toBe(2);
    const logged = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM stage_transition t JOIN prospect p ON p.id = t.prospect_id WHERE p.sample_id = $1`,
      [sample.body.id],
    );
    expect(logged[0].n).toBe(2);
    expect((await h.call('headA', 'GET', `/samples/${sample.body.id}`)).body.status).toBe('approved');
  });

  it('dead-letters a decision that breaks the wire contract instead of applying it', async () => {
    const messageId = randomUUID();
    await enqueue(messageId, { requestId: 'not-a-uuid', subjectKind: 'offer' });
    await waitFor(
      async () =>
        (await h.dataSource.query('SELECT 1 FROM dead_letter WHERE message_id = $1', [messageId])).length === 1,
      {
        what: 'the dead letter',
      },
    );
  });
});
