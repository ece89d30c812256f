import { Job, Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { openServiceDatabase } from '@dealgate/database';
import { JobName, ServiceName, SystemPingPayload, queueNameOf } from '@dealgate/messages';
import { TestDatabase, createTestDatabase, testEnv, waitFor } from '@dealgate/testing';
import { DeadLetterStore } from './dead-letters';
import { JobDispatcher } from './job-dispatcher';
import { JobContext, JobHandler } from './job-handler';
import { createMessagingTables } from './messaging-tables';
import { emitJob } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { QueueSettings, installQueueBackend, queueSettings } from './queue-backend';
import { STORE_MARKER_QUEUE, StoreResetWatch } from './store-reset';

const SCHEMA = 'gateway';

class Tables1700000000000 implements MigrationInterface {
  name = 'Tables1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, SCHEMA);
    await runner.query(`CREATE TABLE "${SCHEMA}".effect (id bigserial PRIMARY KEY, ping_id uuid NOT NULL)`);
    await runner.query(`
      CREATE TABLE "${SCHEMA}".failed_attempt (
        message_id text NOT NULL, replay integer NOT NULL, attempt integer NOT NULL, error text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (message_id, replay, attempt))`);
  }
  async down(): Promise<void> {}
}

class EffectHandler implements JobHandler<typeof JobName.SystemPing> {
  async handle(payload: SystemPingPayload, { manager }: JobContext): Promise<void> {
    await manager.query('INSERT INTO effect (ping_id) VALUES ($1)', [payload.pingId]);
  }
}

// A queue store that loses its data (FLUSHALL, a restart without persistence, a wiped queue schema) loses no message.
describe('queue store reset, on the real queue backend', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let settings: QueueSettings;
  let queue: Queue;
  let marker: Queue;
  let worker: Worker;
  const queueName = queueNameOf(ServiceName.Gateway);

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
      migrations: [Tables1700000000000],
    });
    queue = new Queue(queueName, { connection: settings.connection, prefix: settings.prefix });
    marker = new Queue(STORE_MARKER_QUEUE, { connection: settings.connection, prefix: settings.prefix });
    const deadLetters = new DeadLetterStore(dataSource, () => queue);
    const dispatcher = new JobDispatcher(
      dataSource,
      new Map([[JobName.SystemPing, new EffectHandler()]]),
      () => queue,
      deadLetters,
      {
        service: ServiceName.Gateway,
        attempts: 3,
        backoffMs: 20,
      },
    );
    worker = new Worker(queueName, (job: Job) => dispatcher.dispatch(job), {
      connection: settings.connection,
      prefix: settings.prefix,
      autorun: false,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await marker?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await marker?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  const effects = async (pingId: string) =>
    Number(
      (await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM effect WHERE ping_id = $1', [pingId]))[0].n,
    );
  const emitPing = (pingId: string) =>
    dataSource.transaction((manager) =>
      emitJob(manager, JobName.SystemPing, { pingId, sentAt: new Date().toISOString() }),
    );

  it('publishes again what was sent but not consumed when the store lost it, and each effect happens once', async () => {
    const relay = new OutboxRelay(dataSource, () => queue, {
      source: ServiceName.Gateway,
      pollMs: 50,
      jobOptions: { removeOnComplete: true },
    });
    const watch = new StoreResetWatch(dataSource, {
      service: 'gateway',
      marker: () => marker,
      checkEveryMs: 1000,
      republishWindowMs: 3_600_000,
    });
    // The first look at an empty store sets the marker; a second finds it and changes nothing.
    await watch.check();
    expect(await watch.check()).toBe(0);

    // One message consumed before the loss, one still waiting in the store when it is wiped.
    const consumed = randomUUID();
    const waiting = randomUUID();
    await emitPing(consumed);
    await relay.relayOnce();
    worker.run().catch(() => undefined);
    await waitFor(async () => (await effects(consumed)) === 1, { what: 'the first message consumed' });
    await worker.pause();
    const waitingId = await emitPing(waiting);
    expect(await relay.relayOnce()).toBe(1);
    expect(await queue.getJob(waitingId)).toBeDefined();

    // The store loses everything: the waiting job and the marker.
    await queue.obliterate({ force: true });
    await marker.obliterate({ force: true });
    expect(await queue.getJob(waitingId)).toBeUndefined();

    expect(await watch.check()).toBe(2);
    expect(await watch.check()).toBe(0);
    expect(await relay.relayOnce()).toBe(2);
    await worker.resume();
    await waitFor(async () => (await effects(waiting)) === 1, { what: 'the lost message applied after the reset' });
    // The message consumed before the loss came again and was dropped by the inbox.
    await waitFor(async () => (await queue.getJobCounts('waiting', 'active')).waiting === 0, {
      what: 'a drained queue',
    });
    expect(await effects(consumed)).toBe(1);
    expect(await effects(waiting)).toBe(1);
  });
});
