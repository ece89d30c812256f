import { Queue } from 'bullmq';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { ServiceEnv } from '@dealgate/common';
import { openServiceDatabase } from '@dealgate/database';
import { JobName, ServiceName, queueNameOf } from '@dealgate/messages';
import { TestDatabase, createTestDatabase, testEnv, waitFor } from '@dealgate/testing';
import { createMessagingTables } from './messaging-tables';
import { emitJob } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { QueueSettings, installQueueBackend, queueSettings } from './queue-backend';

jest.setTimeout(60_000);

const SCHEMA = 'gateway';
// Far longer than any wait below: whatever is relayed in time was woken by its commit, not by the poll.
const SAFETY_POLL_MS = 30_000;

class WakeTables1700000000000 implements MigrationInterface {
  name = 'WakeTables1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, SCHEMA);
  }
  async down(): Promise<void> {}
}

describe('outbox relay woken by the commits that wrote to the outbox', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let settings: QueueSettings;
  let queue: Queue;
  const relays: OutboxRelay[] = [];

  const startRelay = (options: { pollMs?: number; wakeOnCommit?: boolean } = {}) => {
    const relay = new OutboxRelay(dataSource, () => queue, {
      source: ServiceName.Gateway,
      pollMs: options.pollMs ?? SAFETY_POLL_MS,
      wakeOnCommit: options.wakeOnCommit,
      jobOptions: { removeOnComplete: true },
    });
    relays.push(relay);
    relay.start();
    return relay;
  };
  const emitPing = () =>
    dataSource.transaction((manager) =>
      emitJob(manager, JobName.SystemPing, { pingId: crypto.randomUUID(), sentAt: new Date().toISOString() }),
    );
  const published = async (id: string) => (await queue.getJob(id)) !== undefined;
  // The start pass is over and the relay sleeps: from here on only a commit (or the poll) wakes it.
  const idle = () => new Promise((r) => setTimeout(r, 200));

  beforeAll(async () => {
    // Its own test tables in the gateway schema: an empty database, not the migrated template.
    db = await createTestDatabase({ migrated: false });
    const env = testEnv(db.url);
    settings = queueSettings({ DATABASE_URL: db.url, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: env.QUEUE_PREFIX! });
    await installQueueBackend(settings, db.url);
    dataSource = await openServiceDatabase({
      url: db.url,
      schema: SCHEMA,
      entities: [],
      migrations: [WakeTables1700000000000],
    });
    queue = new Queue(queueNameOf(ServiceName.Gateway), { connection: settings.connection, prefix: settings.prefix });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
  });

  afterAll(async () => {
    await queue?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  it('publishes a committed job at once, far inside the safety poll', async () => {
    startRelay();
    await idle();
    const started = performance.now();
    const id = await emitPing();
    await waitFor(() => published(id), { what: 'the job in the queue', timeoutMs: 5_000 });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('publishes nothing a rolled-back transaction wrote, and is not woken by it', async () => {
    const relay = startRelay();
    await idle();
    const passes = jest.spyOn(relay, 'relayOnce');
    let id = '';
    await dataSource
      .transaction(async (manager) => {
        id = await emitJob(manager, JobName.SystemPing, {
          pingId: crypto.randomUUID(),
          sentAt: new Date().toISOString(),
        });
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));
    expect(passes).not.toHaveBeenCalled();
    expect(await published(id)).toBe(false);
  });

  it("runs no transaction while idle at the services' poll setting", async () => {
    startRelay({ pollMs: new ServiceEnv().OUTBOX_POLL_MS });
    await idle();
    const transactions = jest.spyOn(dataSource, 'transaction');
    await new Promise((r) => setTimeout(r, 3_000));
    expect(transactions).not.toHaveBeenCalled();
  });

  it('wakes when the outermost transaction commits, not when a savepoint inside it is released', async () => {
    const relay = startRelay();
    await idle();
    const passes = jest.spyOn(relay, 'relayOnce');
    let id = '';
    await dataSource.transaction(async (outer) => {
      await outer.transaction(async (inner) => {
        id = await emitJob(inner, JobName.SystemPing, {
          pingId: crypto.randomUUID(),
          sentAt: new Date().toISOString(),
        });
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(passes).not.toHaveBeenCalled();
    });
    await waitFor(() => published(id), { what: 'the job after the outer commit', timeoutMs: 5_000 });
  });

  it('no longer reacts to commits once stopped', async () => {
    const relay = startRelay();
    await idle();
    await relay.stop();
    const passes = jest.spyOn(relay, 'relayOnce');
    const id = await emitPing();
    await new Promise((r) => setTimeout(r, 300));
    expect(passes).not.toHaveBeenCalled();
    expect(await published(id)).toBe(false);
    // Leaves the row to the next test's relays.
    await dataSource.query('DELETE FROM outbox WHERE id = $1', [id]);
  });

  it('still relays on its safety poll when commits do not wake it', async () => {
    startRelay({ pollMs: 300, wakeOnCommit: false });
    const id = await emitPing();
    await waitFor(() => published(id), { what: 'the job, by the poll', timeoutMs: 5_000 });
  });
});
