import { Role } from '@dealgate/domain';
import { ALL_SERVICES } from '@dealgate/messages';
import {
  TEST_METRICS_TOKEN,
  TestDatabase,
  createTestDatabase,
  queryOnce,
  testEnv,
  tokenFor,
  waitFor,
  fetchWithContract,
} from '@dealgate/testing';
import { RunningSystem, startSystem } from './support/system-harness';

describe('cross-service round trip through the real queue', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const admin = tokenFor({ roles: [Role.Admin] });

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url));
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  async function receipts(pingId: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const service of ALL_SERVICES) {
      const [row] = await queryOnce<{ n: number }>(
        db.url,
        `SELECT count(*)::int AS n FROM "${service}".ping_receipt WHERE ping_id = $1`,
        [pingId],
      );
      counts[service] = row.n;
    }
    return counts;
  }

  it('a ping published by the gateway is consumed by every service, each effect recorded once', async () => {
    const response = await fetchWithContract(`${system.gatewayUrl}/api/system/ping`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'x-correlation-id': 'round-trip-1' },
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('x-correlation-id')).toBe('round-trip-1');
    const { pingId, messageId } = (await response.json()) as { pingId: string; messageId: string };

    const everyoneOnce = Object.fromEntries(ALL_SERVICES.map((s) => [s, 1]));
    await waitFor(async () => JSON.stringify(await receipts(pingId)) === JSON.stringify(everyoneOnce), {
      what: 'a receipt in every service',
    });

    // The correlation id of the HTTP request travelled with the job.
    const [outbox] = await queryOnce<{ correlation_id: string; sent_at: Date | null }>(
      db.url,
      'SELECT correlation_id, sent_at FROM gateway.outbox WHERE id = $1',
      [messageId],
    );
    expect(outbox.correlation_id).toBe('round-trip-1');
    expect(outbox.sent_at).not.toBeNull();
    for (const service of ALL_SERVICES) {
      const inbox = await queryOnce(db.url, `SELECT 1 FROM "${service}".inbox WHERE message_id = $1`, [messageId]);
      expect(inbox).toHaveLength(1);
    }
    // Still exactly once a moment later (no late duplicate).
    await new Promise((r) => setTimeout(r, 300));
    expect(await receipts(pingId)).toEqual(everyoneOnce);
  });

  it('refuses the ping without a token and for a non-admin', async () => {
    expect((await fetchWithContract(`${system.gatewayUrl}/api/system/ping`, { method: 'POST' })).status).toBe(401);
    const salesperson = tokenFor({ roles: [Role.Salesperson] });
    const forbidden = await fetchWithContract(`${system.gatewayUrl}/api/system/ping`, {
      method: 'POST',
      headers: { authorization: `Bearer ${salesperson}` },
    });
    expect(forbidden.status).toBe(403);
  });

  it('aggregates the health of all five services, telling the public only up or down', async () => {
    const response = await fetchWithContract(`${system.gatewayUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up' });
  });

  it('serves one merged OpenAPI document', async () => {
    const response = await fetchWithContract(`${system.gatewayUrl}/api/docs-json`);
    const doc = (await response.json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/system/ping']).toBeDefined();
    for (const service of ALL_SERVICES) expect(doc.paths[`/api/ops/${service}/dead-letters`]).toBeDefined();
    // Swagger UI at /api/docs loads that merged document, not only the gateway's own part (it would prefer an
    // embedded document: checked in a real browser, the empty one makes it fetch the URL).
    const init = await (await fetchWithContract(`${system.gatewayUrl}/api/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('"swaggerUrl": "/api/docs-json"');
    expect(init).toMatch(/"customOptions": \{\s*"spec": \{\}\s*\}/);
  });

  it('lists and replays the dead letters of a service through the gateway (admin only)', async () => {
    const messageId = crypto.randomUUID();
    const envelope = {
      messageId,
      name: 'system.ping',
      payload: { pingId: crypto.randomUUID(), sentAt: new Date().toISOString() },
      correlationId: 'dead-1',
      source: 'gateway',
      occurredAt: new Date().toISOString(),
    };
    const [row] = await queryOnce<{ id: string }>(
      db.url,
      `INSERT INTO prospects.dead_letter (message_id, job_name, envelope, error, attempts) VALUES ($1, 'system.ping', $2, 'boom', 5) RETURNING id`,
      [messageId, JSON.stringify(envelope)],
    );
    const salesperson = tokenFor({ roles: [Role.Salesperson] });
    const url = `${system.gatewayUrl}/api/ops/prospects/dead-letters`;
    expect((await fetchWithContract(url, { headers: { authorization: `Bearer ${salesperson}` } })).status).toBe(403);
    const list = (await (await fetchWithContract(url, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
      items: { id: string; error: string }[];
      total: number;
    };
    expect(list.items.map((d) => d.id)).toContain(row.id);
    expect(list).toMatchObject({ limit: 50, offset: 0 });

    const replay = await fetchWithContract(`${url}/${row.id}/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(replay.status).toBe(201);
    // The replayed job runs through the inbox like any other: its effect appears once.
    await waitFor(
      async () =>
        (await queryOnce(db.url, 'SELECT 1 FROM prospects.inbox WHERE message_id = $1', [messageId])).length === 1,
      {
        what: 'the replayed job to be handled',
      },
    );
    // Replayed letters leave the default list and stay visible on request ("false" means false).
    const listed = async (query: string) =>
      (
        (await (
          await fetchWithContract(`${url}${query}`, { headers: { authorization: `Bearer ${admin}` } })
        ).json()) as {
          items: { id: string }[];
        }
      ).items.map((d) => d.id);
    expect(await listed('?includeReplayed=false')).not.toContain(row.id);
    expect(await listed('?includeReplayed=true')).toContain(row.id);
    const bad = await fetchWithContract(`${url}/not-a-uuid/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(bad.status).toBe(400);
  });

  it('exposes Prometheus metrics for HTTP, jobs and the outbox in every service', async () => {
    for (const service of ALL_SERVICES) {
      // The gateway's (public port) needs the scrape token; the services' (loopback) ignore it.
      const scrape = { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } };
      const text = await (await fetchWithContract(`${system.urls[service]}/metrics`, scrape)).text();
      expect(text).toContain('http_request_duration_seconds');
      expect(text).toMatch(/jobs_processed_total\{job="system.ping",service="[a-z]+"\} [1-9]/);
      expect(text).toContain('outbox_backlog');
      expect(text).toContain('outbox_oldest_unsent_age_seconds');
      expect(text).toContain('dead_letters');
    }
  });

  it('answers 503 down when a service is down (which one is for admins: GET /api/system/status)', async () => {
    await system.apps.notifications.close();
    const response = await fetchWithContract(`${system.gatewayUrl}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'down' });
  });
});
