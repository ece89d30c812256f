import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Role } from '@dealgate/domain';
import { ALL_SERVICES, ServiceName, queueNameOf } from '@dealgate/messages';
import { TestDatabase, createTestDatabase, fetchWithContract, testEnv, tokenFor } from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';

interface Status {
  status: string;
  services: { service: ServiceName; status: string; components: { name: string; status: string }[]; outbox: unknown }[];
  queues: {
    name: string;
    service: ServiceName;
    waiting: number | null;
    delayed: number | null;
    error: string | null;
  }[];
  build: { version: string; build: string | null; node: string };
}

describe('GET /api/system/status: the admin system page’s facts', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const admin = tokenFor({ roles: [Role.Admin] });

  const get = async (path: string, token = admin) => {
    const response = await fetchWithContract(`${system.gatewayUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Status };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { BUILD_ID: 'build-42' }));
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('names every service up with its checks and outbox, every queue with its counts, the version and build; admin only', async () => {
    const { status, body } = await get('/api/system/status');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.services.map((s) => s.service)).toEqual([...ALL_SERVICES]);
    for (const service of body.services) {
      expect(service).toMatchObject({ status: 'up', outbox: { unsent: expect.any(Number) as number } });
      expect(service.components.map((c) => `${c.name}:${c.status}`).sort()).toEqual(['database:up', 'queue:up']);
    }
    expect(body.queues.map((q) => q.name)).toEqual(ALL_SERVICES.map(queueNameOf));
    for (const queue of body.queues)
      expect(queue).toMatchObject({ error: null, waiting: expect.any(Number) as number });
    // Sweeps run on timers of each process (sweep-timers.ts), not as delayed jobs: nothing waits on an idle queue.
    expect(body.queues.find((q) => q.service === ServiceName.Notifications)!.delayed).toBe(0);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(body.build).toMatchObject({ version: pkg.version, build: 'build-42', node: process.version });

    expect((await get('/api/system/status', tokenFor({ roles: [Role.Owner] }))).status).toBe(403);
    const outbox = await get('/api/ops/prospects/outbox');
    expect(outbox.status).toBe(200);
  });

  it('still answers when a service is down: that one down without an outbox, its queue still counted', async () => {
    await system.apps[ServiceName.Contracts].close();
    const { status, body } = await get('/api/system/status');
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    const contracts = body.services.find((s) => s.service === ServiceName.Contracts)!;
    expect(contracts).toMatchObject({ status: 'down', outbox: null });
    expect(body.services.filter((s) => s.status === 'up')).toHaveLength(ALL_SERVICES.length - 1);
    expect(body.queues.find((q) => q.service === ServiceName.Contracts)).toMatchObject({ error: null });
  });
});
