import { randomUUID } from 'node:crypto';
import { Role, verifyWebhookSignature } from '@dealgate/domain';
import { expectMatchesContract, tokenFor, waitFor } from '@dealgate/testing';
import { RunningNotifications, startNotifications } from './support/notifications-harness';
import { startWebhookReceiver } from './support/webhook-receiver';

const SECRET = 'test-button-secret-0123456789ab';

interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  status: string;
  log: { attempt: number; statusCode: number | null }[];
}

describe('notifications: a test delivery an admin asks for (POST /api/webhooks/:id/test)', () => {
  let svc: RunningNotifications;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  const admin = tokenFor({ roles: [Role.Admin] });

  async function call<T>(method: string, path: string, body?: unknown, token = admin) {
    const response = await fetch(`${svc.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const parsed: unknown = response.status === 204 ? null : await response.json();
    expectMatchesContract(method, `/api${path}`, response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed as T };
  }

  beforeAll(async () => {
    receiver = await startWebhookReceiver(200);
    // The scheduled sweep stays out of the way: the test endpoint itself must get the delivery sent.
    svc = await startNotifications({ WEBHOOK_SWEEP_MS: '3600000', SWEEP_WAKE_ON_COMMIT: 'false' });
  });

  afterAll(async () => {
    await svc?.stop();
    await receiver?.close();
  });

  it('sends a signed webhook.test through the delivery log at once; refuses a paused or unknown webhook and non-admins', async () => {
    const hook = (
      await call<{ id: string }>('POST', '/webhooks', {
        url: receiver.url,
        eventTypes: ['contract.signed'],
        secret: SECRET,
      })
    ).body;

    const sent = await call<Delivery>('POST', `/webhooks/${hook.id}/test`);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ eventType: 'webhook.test', status: 'pending', log: [] });

    await waitFor(() => receiver.received.length === 1, { what: 'the test delivery at the receiver' });
    const [received] = receiver.received;
    expect(received.headers['x-dealgate-event']).toBe('webhook.test');
    expect(received.headers['x-dealgate-delivery']).toBe(sent.body.id);
    const header = received.headers['x-dealgate-signature'] as string;
    expect(verifyWebhookSignature({ header, body: received.body, secret: SECRET, nowSec: Date.now() / 1000 })).toBe(
      true,
    );
    expect(JSON.parse(received.body)).toMatchObject({
      event: 'webhook.test',
      messageId: sent.body.messageId,
      data: { webhookId: hook.id },
    });

    const log = await waitFor(
      async () => {
        const page = (await call<{ items: Delivery[] }>('GET', `/webhooks/${hook.id}/deliveries`)).body;
        return page.items[0]?.status === 'succeeded' ? page : null;
      },
      { what: 'the test delivery succeeded in the log' },
    );
    expect(log.items[0]).toMatchObject({ id: sent.body.id, eventType: 'webhook.test', log: [{ statusCode: 200 }] });

    // A second test is a second delivery (a fresh message id), not a duplicate of the first.
    const again = await call<Delivery>('POST', `/webhooks/${hook.id}/test`);
    expect(again.body.messageId).not.toBe(sent.body.messageId);
    await waitFor(() => receiver.received.length === 2, { what: 'the second test delivery' });

    await call('PATCH', `/webhooks/${hook.id}`, { active: false });
    const paused = await call<{ code: string }>('POST', `/webhooks/${hook.id}/test`);
    expect(paused).toMatchObject({ status: 409, body: { code: 'conflict' } });
    expect((await call<{ code: string }>('POST', `/webhooks/${randomUUID()}/test`)).status).toBe(404);
    expect(
      (await call('POST', `/webhooks/${hook.id}/test`, undefined, tokenFor({ roles: [Role.Salesperson] }))).status,
    ).toBe(403);
    expect(
      await svc.count('SELECT count(*) FROM notifications.webhook_delivery WHERE webhook_id = $1', [hook.id]),
    ).toBe(2);
  });
});
