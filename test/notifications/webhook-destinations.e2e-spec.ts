import { ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '@dealgate/domain';
import { expectMatchesContract, tokenFor, waitFor } from '@dealgate/testing';
import { ResolvedAddress, WebhookResolver } from '../../apps/notifications/src/webhooks/webhook-destination-guard';
import { RunningNotifications, startNotifications } from './support/notifications-harness';
import { startWebhookReceiver } from './support/webhook-receiver';

const SECRET = 'destination-secret-0123456789ab';

interface Delivery {
  id: string;
  status: string;
  lastError: string | null;
  log: { attempt: number; statusCode: number | null; error: string | null }[];
}

/** An HTTP server that answers each request with `answer`, counting what reaches it. */
async function startServer(answer: (res: ServerResponse) => void) {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    answer(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Issue #16: webhook URLs to metadata, loopback and private ranges were accepted (10 of 14 probes) and the delivery
// log's status and error served as a port scanner. The suite's allow-list (testEnv) holds 127.0.0.1 only.
describe('notifications: webhook destinations (SSRF)', () => {
  let svc: RunningNotifications;
  const admin = tokenFor({ roles: [Role.Admin] });
  // What the names of these tests resolve to; anything else goes to the system resolver.
  const dns = new Map<string, ResolvedAddress[] | Error>();
  const v4 = (...addresses: string[]) => addresses.map((address) => ({ address, family: 4 as const }));

  async function call<T>(method: string, path: string, body?: unknown) {
    const response = await fetch(`${svc.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const parsed: unknown = response.status === 204 ? null : await response.json();
    expectMatchesContract(method, `/api${path}`, response.status, parsed, response.headers.get('content-type'));
    return { status: response.status, body: parsed as T };
  }

  const register = (url: string) =>
    call<{ id: string; code?: string; fields?: { field: string }[] }>('POST', '/webhooks', {
      url,
      eventTypes: ['contract.signed'],
      secret: SECRET,
    });

  /** Sends a test event to the webhook and answers its delivery once the first attempt is logged. */
  async function firstAttempt(hookId: string): Promise<Delivery> {
    const sent = await call<Delivery>('POST', `/webhooks/${hookId}/test`);
    expect(sent.status).toBe(202);
    return waitFor(
      async () => {
        const log = await call<{ items: Delivery[] }>('GET', `/webhooks/${hookId}/deliveries`);
        const delivery = log.body.items.find((d) => d.id === sent.body.id);
        return delivery && delivery.log.length > 0 ? delivery : undefined;
      },
      { what: 'the first attempt in the delivery log' },
    );
  }

  beforeAll(async () => {
    // The sweep runs when a test delivery is asked for; the schedule stays out of the way.
    svc = await startNotifications({
      WEBHOOK_SWEEP_MS: '3600000',
      WEBHOOK_TIMEOUT_MS: '800',
      SWEEP_WAKE_ON_COMMIT: 'false',
    });
    const resolver = svc.app.get(WebhookResolver);
    const system = resolver.resolve.bind(resolver);
    jest.spyOn(resolver, 'resolve').mockImplementation((host: string) => {
      const answer = dns.get(host);
      if (answer instanceof Error) return Promise.reject(answer);
      return answer ? Promise.resolve(answer) : system(host);
    });
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it.each([
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['GCP metadata by name', 'http://metadata.google.internal/computeMetadata/v1/'],
    ['AWS metadata over IPv6', 'http://[fd00:ec2::254]/latest/meta-data/'],
    ['link-local IPv6', 'http://[fe80::1]/'],
    ['private 10/8', 'http://10.0.0.1/hook'],
    ['private 172.16/12', 'https://172.16.5.4/hook'],
    ['private 192.168/16 with a port', 'http://192.168.1.1:8080/hook'],
    ['carrier-grade NAT', 'http://100.64.0.1/'],
    ['localhost by name', 'http://localhost:6379/'],
    ['loopback outside the allow-list', 'http://127.0.0.2:5432/'],
    ['IPv6 loopback', 'http://[::1]:5432/'],
    ['unspecified', 'http://0.0.0.0:3004/'],
    ['IPv4-mapped loopback outside the allow-list', 'http://[::ffff:127.0.0.2]/'],
    ['a public-looking name resolving to a private address', 'https://rebind.example.test/hook'],
    ['a name with one private address among public ones', 'https://two-faced.example.test/hook'],
    ['a name that does not resolve', 'https://nowhere.example.test/hook'],
  ])('registration refuses %s: 400 naming url, nothing stored', async (_label, url) => {
    dns.set('rebind.example.test', v4('10.1.2.3'));
    dns.set('two-faced.example.test', v4('93.184.216.34', '127.0.0.2'));
    dns.set('nowhere.example.test', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
    const before = await svc.count('SELECT count(*) FROM notifications.webhook');
    const answer = await register(url);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('webhooks.destination_not_allowed');
    expect(answer.body.fields).toEqual([expect.objectContaining({ field: 'url' })]);
    expect(await svc.count('SELECT count(*) FROM notifications.webhook')).toBe(before);
  });

  it('a URL change to an internal destination is refused too, and the webhook keeps its URL', async () => {
    const receiver = await startWebhookReceiver(200);
    try {
      const hook = await register(receiver.url);
      expect(hook.status).toBe(201);
      const changed = await call<{ code: string }>('PATCH', `/webhooks/${hook.body.id}`, {
        url: 'http://169.254.169.254/latest/meta-data/',
      });
      expect(changed.status).toBe(400);
      expect(changed.body.code).toBe('webhooks.destination_not_allowed');
      expect((await call<{ url: string }>('GET', `/webhooks/${hook.body.id}`)).body.url).toBe(receiver.url);
    } finally {
      await receiver.close();
    }
  });

  it('connects to the vetted address, and refuses at delivery a name that later resolves to a private one', async () => {
    const receiver = await startWebhookReceiver(200);
    try {
      const port = new URL(receiver.url).port;
      // No real DNS knows this name: a delivery that arrives went to the address the guard vetted.
      dns.set('hooks.example.test', v4('127.0.0.1'));
      const hook = await register(`http://hooks.example.test:${port}/hook`);
      expect(hook.status).toBe(201);
      const first = await firstAttempt(hook.body.id);
      expect(first.log[0]).toMatchObject({ statusCode: 200, error: null });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0].headers.host).toBe(`hooks.example.test:${port}`);

      dns.set('hooks.example.test', v4('169.254.169.254'));
      const second = await firstAttempt(hook.body.id);
      expect(second.log[0]).toEqual(expect.objectContaining({ statusCode: null, error: 'destination not allowed' }));
      expect(second.lastError).toBe('destination not allowed');
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  it('follows no redirect: a 3xx is a failed attempt, and its target is never asked', async () => {
    const target = await startServer((res) => res.writeHead(200).end('ok'));
    const redirecting = await startServer((res) =>
      res.writeHead(307, { location: `http://127.0.0.1:${target.port}/stolen` }).end(),
    );
    try {
      const hook = await register(`http://127.0.0.1:${redirecting.port}/hook`);
      const attempt = await firstAttempt(hook.body.id);
      expect(attempt.log[0]).toMatchObject({ statusCode: 307, error: 'HTTP 307' });
      expect(redirecting.hits).toEqual(['POST /hook']);
      expect(target.hits).toEqual([]);
    } finally {
      await Promise.all([target.close(), redirecting.close()]);
    }
  });

  it('logs a closed port, a lost name and a silent receiver without internal detail (no port scanner)', async () => {
    const closed = await startServer(() => undefined);
    const closedPort = closed.port;
    await closed.close();
    const silent = await startServer(() => undefined);
    try {
      const refused = await register(`http://127.0.0.1:${closedPort}/hook`);
      dns.set('gone.example.test', v4('127.0.0.1'));
      const lost = await register(`http://gone.example.test:${silent.port}/hook`);
      dns.set('gone.example.test', Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }));
      const quiet = await register(`http://127.0.0.1:${silent.port}/hook`);
      const attempts = await Promise.all([refused, lost, quiet].map((h) => firstAttempt(h.body.id)));
      expect(attempts.map((d) => [d.log[0].statusCode, d.log[0].error])).toEqual([
        [null, 'connection failed'],
        [null, 'connection failed'],
        [null, 'timeout'],
      ]);
    } finally {
      await silent.close();
    }
  });
});
