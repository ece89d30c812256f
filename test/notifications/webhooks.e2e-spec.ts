import { randomUUID } from 'node:crypto';
import { Role, verifyWebhookSignature } from '@dealgate/domain';
import { ContractSignedPayload, JobName } from '@dealgate/messages';
import { tokenFor, expectMatchesContract } from '@dealgate/testing';
import { WebhookDeliveryRepository } from '../../apps/notifications/src/webhooks/webhook-delivery.repository';
import { WebhookDeliverySweep } from '../../apps/notifications/src/webhooks/webhook-delivery.sweep';
import { RunningNotifications, startNotifications } from './support/notifications-harness';
import { startWebhookReceiver } from './support/webhook-receiver';

const GOOD_SECRET = 'good-secret-0123456789abcdef';
const BAD_SECRET = 'bad-secret-0123456789abcdef0';
const MINUTE = 60_000;

interface Hook {
  id: string;
  active: boolean;
  consecutiveFailures: number;
  disabledAt: string | null;
}
interface Delivery {
  id: string;
  messageId: string;
  status: string;
  attempts: number;
  nextAttemptAt: string | null;
  log: { attempt: number; statusCode: number | null; at: string }[];
}

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe('notifications webhooks', () => {
  let svc: RunningNotifications;
  let sweep: WebhookDeliverySweep;
  const receivers: Receiver[] = [];
  const admin = tokenFor({ roles: [Role.Admin] });

  const signed = (): ContractSignedPayload => ({
    caseId: randomUUID(),
    prospectId: randomUUID(),
    offerId: randomUUID(),
    salespersonId: randomUUID(),
    unitId: randomUUID(),
    signedAt: new Date().toISOString(),
  });

  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    token = admin,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${svc.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const parsed: unknown = response.status === 204 ? null : await response.json();
    expectMatchesContract(method, `/api${path}`, response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed as T };
  }

  const deliveries = async (hook: Hook) =>
    (await call<{ items: Delivery[]; total: number }>('GET', `/webhooks/${hook.id}/deliveries`)).body;

  /** A receiver answering `status` and a webhook of the test's own pointing at it. */
  async function webhookTo(status: number, eventTypes: string[], secret: string) {
    const receiver = await startWebhookReceiver(status);
    receivers.push(receiver);
    const created = await call<Hook>('POST', '/webhooks', { url: receiver.url, eventTypes, secret });
    expect(created.status).toBe(201);
    return { receiver, hook: created.body };
  }

  /** How often the service counted a webhook outcome (0 before the first). */
  async function outcomes(outcome: string): Promise<number> {
    const metrics = await (await fetch(`${svc.url}/metrics`)).text();
    const line = metrics
      .split('\n')
      .find((l) => l.startsWith(`webhook_attempts_total{outcome="${outcome}",service="notifications"} `));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  beforeAll(async () => {
    // Deliveries are driven by calling the sweep with chosen times; the scheduled run and the commit wake stay out
    // of the way.
    svc = await startNotifications({
      WEBHOOK_SWEEP_MS: '3600000',
      SWEEP_WAKE_ON_COMMIT: 'false',
      WEBHOOK_BACKOFF_MS: String(MINUTE),
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_DISABLE_AFTER: '3',
    });
    sweep = svc.app.get(WebhookDeliverySweep);
  });

  afterAll(async () => {
    await svc?.stop();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('only an admin registers webhooks; input is validated field by field; the secret is never shown', async () => {
    const hooks = () => svc.count('SELECT count(*) FROM notifications.webhook');
    const before = await hooks();
    const invalid = await call<{ fields: { field: string }[] }>('POST', '/webhooks', {
      url: 'ftp://x',
      eventTypes: ['nope'],
      secret: 'short',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.fields.map((f) => f.field).sort()).toEqual(['eventTypes', 'secret', 'url']);
    const salesperson = tokenFor({ roles: [Role.Salesperson] });
    expect(
      (
        await call(
          'POST',
          '/webhooks',
          { url: 'http://127.0.0.1:9/hook', eventTypes: ['contract.signed'], secret: GOOD_SECRET },
          salesperson,
        )
      ).status,
    ).toBe(403);
    expect(await hooks()).toBe(before);

    const first = await webhookTo(200, ['contract.signed', 'task.assigned'], GOOD_SECRET);
    const second = await webhookTo(200, ['contract.signed'], BAD_SECRET);
    const listed = await call<{ items: Hook[]; total: number }>('GET', '/webhooks?limit=100');
    expect(listed.body.total).toBe(before + 2);
    expect(listed.body.items.map((h) => h.id)).toEqual(expect.arrayContaining([first.hook.id, second.hook.id]));
    expect(JSON.stringify(listed.body)).not.toContain('secret');
    expect(JSON.stringify(listed.body)).not.toContain(GOOD_SECRET);
    expect((await call('GET', `/webhooks/${randomUUID()}`)).status).toBe(404);
  });

  it('delivers a signed POST once per event, even when the event is redelivered', async () => {
    const { receiver: good, hook: goodHook } = await webhookTo(200, ['contract.signed'], GOOD_SECRET);
    const payload = signed();
    const event = await svc.emit(JobName.ContractSigned, payload);
    expect(await svc.redeliver(event)).toBe('duplicate');
    expect(
      await svc.count('SELECT count(*) FROM notifications.webhook_delivery WHERE message_id = $1 AND webhook_id = $2', [
        event.messageId,
        goodHook.id,
      ]),
    ).toBe(1);

    await sweep.run(new Date());
    expect(good.received).toHaveLength(1);
    const hook = good.received[0];
    const nowSec = Math.floor(Date.now() / 1000);
    const header = hook.headers['x-dealgate-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ header, body: hook.body, secret: GOOD_SECRET, nowSec })).toBe(true);
    expect(verifyWebhookSignature({ header, body: hook.body, secret: BAD_SECRET, nowSec })).toBe(false);
    expect(
      verifyWebhookSignature({ header, body: hook.body.replace('contract', 'kontract'), secret: GOOD_SECRET, nowSec }),
    ).toBe(false);
    expect(JSON.parse(hook.body)).toEqual({
      event: 'contract.signed',
      messageId: event.messageId,
      occurredAt: event.occurredAt,
      data: payload,
    });
    expect(hook.headers['x-dealgate-event']).toBe('contract.signed');

    const log = await deliveries(goodHook);
    expect(log.items[0]).toMatchObject({ id: hook.headers['x-dealgate-delivery'], status: 'succeeded', attempts: 1 });
    expect(log.items[0].log).toMatchObject([{ attempt: 1, statusCode: 200 }]);

    // Sweeping again sends nothing more to the good receiver.
    await sweep.run(new Date(Date.now() + 10 * MINUTE));
    expect(good.received).toHaveLength(1);
  });

  it('retries a failing receiver with exponential backoff, then disables the webhook; re-enabling resumes it', async () => {
    const { receiver: bad, hook: badHook } = await webhookTo(500, ['contract.signed'], BAD_SECRET);
    const [disabledBefore, failedBefore] = [await outcomes('disabled'), await outcomes('failed')];
    await svc.emit(JobName.ContractSigned, signed());
    const t0 = Date.now();
    await sweep.run(new Date(t0));
    await sweep.run(new Date(t0 + 10 * MINUTE));
    let [delivery] = (await deliveries(badHook)).items;
    expect(delivery.log.map((a) => a.statusCode)).toEqual([500, 500]);
    const firstGap = new Date(delivery.nextAttemptAt!).getTime() - new Date(delivery.log[1].at).getTime();
    expect(firstGap).toBe(2 * MINUTE); // second failure: twice the base

    // Not due yet: nothing happens.
    await sweep.run(new Date(t0 + 10 * MINUTE + MINUTE));
    expect(bad.received).toHaveLength(2);

    const third = new Date(t0 + 10 * MINUTE + 2 * MINUTE + 1000);
    await sweep.run(third);
    expect(bad.received).toHaveLength(3);
    [delivery] = (await deliveries(badHook)).items;
    expect(delivery.log.map((a) => a.attempt)).toEqual([1, 2, 3]);
    // Three consecutive failures (WEBHOOK_DISABLE_AFTER): switched off.
    const disabled = (await call<Hook>('GET', `/webhooks/${badHook.id}`)).body;
    expect(disabled).toMatchObject({ active: false, consecutiveFailures: 3 });
    expect(disabled.disabledAt).not.toBeNull();

    // While disabled: no attempt, and new events create no deliveries for it.
    await sweep.run(new Date(third.getTime() + 24 * 60 * MINUTE));
    expect(bad.received).toHaveLength(3);
    const next = await svc.emit(JobName.ContractSigned, signed());
    expect(
      await svc.count('SELECT count(*) FROM notifications.webhook_delivery WHERE message_id = $1 AND webhook_id = $2', [
        next.messageId,
        badHook.id,
      ]),
    ).toBe(0);

    // Re-enabled: the pending delivery resumes and, at WEBHOOK_MAX_ATTEMPTS, fails for good.
    const enabled = await call<Hook>('PATCH', `/webhooks/${badHook.id}`, { active: true });
    expect(enabled.body).toMatchObject({ active: true, consecutiveFailures: 0, disabledAt: null });
    await sweep.run(new Date(third.getTime() + 24 * 60 * MINUTE));
    expect(bad.received).toHaveLength(4);
    [delivery] = (await deliveries(badHook)).items;
    expect(delivery).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: null });
    await sweep.run(new Date(third.getTime() + 48 * 60 * MINUTE));
    expect(bad.received).toHaveLength(4);
    expect(
      await svc.count(
        `SELECT count(*) FROM notifications.webhook_attempt a
           JOIN notifications.webhook_delivery d ON d.id = a.delivery_id WHERE d.webhook_id = $1`,
        [badHook.id],
      ),
    ).toBe(4);

    // Outcomes are counted for alerting: one webhook switched off, one delivery failed for good.
    expect(await outcomes('disabled')).toBe(disabledBefore + 1);
    expect(await outcomes('failed')).toBe(failedBefore + 1);
  });

  it('a delivery whose sender died mid-request is sent again once its lease expires (at least once)', async () => {
    const { receiver: good, hook } = await webhookTo(200, ['task.assigned'], GOOD_SECRET);
    const event = await svc.emit(JobName.TaskAssigned, {
      taskId: randomUUID(),
      caseId: randomUUID(),
      group: 'legal',
      assigneeId: null,
      title: 'Draft',
      dueAt: null,
    });
    const now = new Date();
    // The sender claims the due deliveries, then "crashes" before sending any.
    const claimed = (await svc.app.get(WebhookDeliveryRepository).claimDue(now, 100, 60_000)).find(
      (d) => d.webhookId === hook.id,
    );
    expect(claimed?.messageId).toBe(event.messageId);

    await sweep.run(new Date(now.getTime() + 30_000)); // the lease still holds
    expect(good.received).toHaveLength(0);
    await sweep.run(new Date(now.getTime() + 61_000));
    expect(good.received).toHaveLength(1);
    expect(good.received[0].headers['x-dealgate-delivery']).toBe(claimed!.id);
    const [delivery] = (await deliveries(hook)).items;
    expect(delivery).toMatchObject({ messageId: event.messageId, status: 'succeeded', attempts: 2 });
  });
});
