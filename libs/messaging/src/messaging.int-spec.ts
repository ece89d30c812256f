import { Job, Queue, Worker } from 'bullmq';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { openServiceDatabase } from '@dealgate/database';
import { JobEnvelope, JobName, ServiceName, SystemPingPayload, consumersOf, queueNameOf } from '@dealgate/messages';
import { TestDatabase, createTestDatabase, testEnv, waitFor } from '@dealgate/testing';
import { DeadLetterStore } from './dead-letters';
import { JobDispatcher } from './job-dispatcher';
import { JobContext, JobHandler } from './job-handler';
import { createMessagingTables } from './messaging-tables';
import { FailedJobsSweep } from './failed-jobs';
import { emitJob } from './outbox';
import { OutboxRelay } from './outbox-relay';
import { QueueSettings, installQueueBackend, queueSettings } from './queue-backend';

const SCHEMA = 'gateway';

class TestTables1700000000000 implements MigrationInterface {
  name = 'TestTables1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, SCHEMA);
    await runner.query(`CREATE TABLE "${SCHEMA}".effect (id bigserial PRIMARY KEY, ping_id uuid NOT NULL)`);
    // As the services' FailedAttempts migration ships it.
    await runner.query(`
      CREATE TABLE "${SCHEMA}".failed_attempt (
        message_id text NOT NULL, replay integer NOT NULL, attempt integer NOT NULL, error text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (message_id, replay, attempt))`);
  }
  async down(): Promise<void> {}
}

/** Records one row per handled ping; can be told to fail its next N calls. */
class EffectHandler implements JobHandler<typeof JobName.SystemPing> {
  failuresLeft = 0;
  calls = 0;
  async handle(payload: SystemPingPayload, { manager }: JobContext): Promise<void> {
    this.calls++;
    await manager.query('INSERT INTO effect (ping_id) VALUES ($1)', [payload.pingId]);
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('downstream unavailable');
    }
  }
}

describe('exactly-once messaging over the real queue backend', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let settings: QueueSettings;
  let queue: Queue;
  let worker: Worker;
  let handler: EffectHandler;
  let dispatcher: JobDispatcher;
  let deadLetters: DeadLetterStore;
  const queueName = queueNameOf(ServiceName.Gateway);

  const relay = (afterPublish?: (ids: string[]) => Promise<void>) =>
    new OutboxRelay(dataSource, () => queue, {
      source: ServiceName.Gateway,
      pollMs: 50,
      jobOptions: { removeOnComplete: true },
      afterPublish,
    });

  async function emitPing(pingId: string): Promise<string> {
    return dataSource.transaction((manager) =>
      emitJob(manager, JobName.SystemPing, { pingId, sentAt: new Date().toISOString() }),
    );
  }

  const effects = async (pingId: string) =>
    Number(
      (await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM effect WHERE ping_id = $1', [pingId]))[0].n,
    );
  const inboxed = async (messageId: string) =>
    Number(
      (await dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM inbox WHERE message_id = $1', [messageId]))[0]
        .n,
    );

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
      migrations: [TestTables1700000000000],
    });
    queue = new Queue(queueName, { connection: settings.connection, prefix: settings.prefix });
    handler = new EffectHandler();
    deadLetters = new DeadLetterStore(dataSource, () => queue);
    dispatcher = new JobDispatcher(dataSource, new Map([[JobName.SystemPing, handler]]), () => queue, deadLetters, {
      service: ServiceName.Gateway,
      attempts: 3,
      backoffMs: 20,
    });
    worker = new Worker(queueName, (job: Job) => dispatcher.dispatch(job), {
      connection: settings.connection,
      prefix: settings.prefix,
      concurrency: 4,
    });
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await dataSource?.destroy();
    await db?.drop();
  });

  beforeEach(() => {
    handler.failuresLeft = 0;
  });

  it('a job committed while the relay was down is delivered once after it comes back', async () => {
    const pingId = crypto.randomUUID();
    const messageId = await emitPing(pingId);
    // "Crash" between commit and publish: nothing reached the queue.
    expect(await queue.getJob(messageId)).toBeUndefined();
    expect(await relay().relayOnce()).toBe(1);
    await waitFor(async () => (await effects(pingId)) === 1, { what: 'the effect' });
    const [row] = await dataSource.query<{ sent_at: Date | null }[]>('SELECT sent_at FROM outbox WHERE id = $1', [
      messageId,
    ]);
    expect(row.sent_at).not.toBeNull();
    expect(await relay().relayOnce()).toBe(0);
  });

  it('a relay that dies after publishing and before marking re-publishes, and the effect still happens once', async () => {
    const pingId = crypto.randomUUID();
    const messageId = await emitPing(pingId);
    const crashing = relay(() => Promise.reject(new Error('crash after publish')));
    await expect(crashing.relayOnce()).rejects.toThrow('crash after publish');
    const [unsent] = await dataSource.query<{ sent_at: Date | null }[]>('SELECT sent_at FROM outbox WHERE id = $1', [
      messageId,
    ]);
    expect(unsent.sent_at).toBeNull();
    await waitFor(async () => (await effects(pingId)) === 1, { what: 'the first delivery' });
    // The restarted relay publishes the same row again (same job id; the first job may already be gone).
    expect(await relay().relayOnce()).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(await effects(pingId)).toBe(1);
    expect(await inboxed(messageId)).toBe(1);
  });

  it('a job delivered twice applies its effect once', async () => {
    const pingId = crypto.randomUUID();
    const messageId = await emitPing(pingId);
    await relay().relayOnce();
    await waitFor(async () => (await effects(pingId)) === 1, { what: 'the first delivery' });
    const [outbox] = await dataSource.query<{ payload: SystemPingPayload; correlation_id: string }[]>(
      'SELECT * FROM outbox WHERE id = $1',
      [messageId],
    );
    const envelope: JobEnvelope = {
      messageId,
      name: JobName.SystemPing,
      payload: outbox.payload,
      correlationId: outbox.correlation_id,
      source: ServiceName.Gateway,
      occurredAt: new Date().toISOString(),
    };
    const redelivered = await queue.add(JobName.SystemPing, envelope, { jobId: `${messageId}-again` });
    await waitFor(
      async () => (await redelivered.getState()) === 'completed' || (await queue.getJob(redelivered.id!)) === undefined,
      {
        what: 'the redelivery to be handled',
      },
    );
    expect(await effects(pingId)).toBe(1);
    expect(await inboxed(messageId)).toBe(1);
  });

  it('retries a failing handler with backoff; the failed attempts leave no effect behind', async () => {
    const pingId = crypto.randomUUID();
    handler.failuresLeft = 2;
    const calls = handler.calls;
    await emitPing(pingId);
    await relay().relayOnce();
    await waitFor(async () => (await effects(pingId)) === 1, { what: 'the third attempt to succeed' });
    expect(handler.calls - calls).toBe(3);
    await new Promise((r) => setTimeout(r, 200));
    expect(await effects(pingId)).toBe(1);
  });

  it('dead-letters a job that fails every attempt, and a replay applies it once', async () => {
    const pingId = crypto.randomUUID();
    handler.failuresLeft = 3;
    const messageId = await emitPing(pingId);
    await relay().relayOnce();
    const dead = await waitFor(
      async () => (await deadLetters.list({ limit: 10, offset: 0 })).items.find((d) => d.messageId === messageId),
      {
        what: 'the dead letter',
      },
    );
    expect(dead.attempts).toBe(3);
    expect(dead.error).toContain('downstream unavailable');
    expect(await effects(pingId)).toBe(0);
    expect(await inboxed(messageId)).toBe(0);

    const replayed = await deadLetters.replay(dead.id);
    expect(replayed?.replayCount).toBe(1);
    await waitFor(async () => (await effects(pingId)) === 1, { what: 'the replayed job' });
    expect((await deadLetters.list({ limit: 10, offset: 0 })).items.find((d) => d.id === dead.id)).toBeUndefined();
  });

  it('keeps every failed attempt, and a replay that fails again is listed again with its whole history', async () => {
    handler.failuresLeft = 6;
    const messageId = await emitPing(crypto.randomUUID());
    await relay().relayOnce();
    const listed = () =>
      deadLetters.list({ limit: 50, offset: 0 }).then((page) => page.items.find((d) => d.messageId === messageId));
    const dead = await waitFor(listed, { what: 'the dead letter' });
    expect(dead.history.map((h) => [h.replay, h.attempt])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(dead.history.every((h) => h.error === 'downstream unavailable')).toBe(true);

    await deadLetters.replay(dead.id);
    const again = await waitFor(async () => ((await listed())?.history.length === 6 ? listed() : undefined), {
      what: 'the replay to fail again and be listed',
    });
    expect(again).toMatchObject({ id: dead.id, replayCount: 1, replayedAt: null, attempts: 3 });
    expect(again.history.slice(3).map((h) => [h.replay, h.attempt])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it("takes over jobs left in BullMQ's failed list: a retry while attempts remain, a dead letter after the last", async () => {
    const failingName = `failing-${crypto.randomUUID()}`;
    const failing = new Queue(failingName, { connection: settings.connection, prefix: settings.prefix });
    // What happens when the dispatcher cannot write its own bookkeeping (the database down at the last attempt).
    const broken = new Worker(failingName, () => Promise.reject(new Error('database unreachable')), {
      connection: settings.connection,
      prefix: settings.prefix,
    });
    const envelope = (attempt: number) => ({
      messageId: crypto.randomUUID(),
      name: JobName.SystemPing,
      payload: { pingId: crypto.randomUUID(), sentAt: new Date().toISOString() },
      correlationId: 'c-failed-list',
      source: 'gateway',
      occurredAt: new Date().toISOString(),
      attempt,
    });
    const early = envelope(1);
    const last = envelope(3);
    try {
      await failing.add(JobName.SystemPing, early, { jobId: `${early.messageId}-r0-a1` });
      await failing.add(JobName.SystemPing, last, { jobId: `${last.messageId}-r0-a3` });
      await waitFor(async () => (await failing.getFailedCount()) === 2, { what: 'both jobs in the failed list' });
      await broken.close();

      const sweep = new FailedJobsSweep(
        () => failing,
        deadLetters,
        { service: ServiceName.Gateway, attempts: 3, backoffMs: 60_000 },
        1000,
      );
      await sweep.run();

      expect(await failing.getFailedCount()).toBe(0);
      const retry = await failing.getJob(`${early.messageId}-r0-a2`);
      expect(retry?.data).toMatchObject({ messageId: early.messageId, attempt: 2 });
      const page = await deadLetters.list({ limit: 50, offset: 0 });
      expect(page.items.find((d) => d.messageId === early.messageId)).toBeUndefined();
      const dead = page.items.find((d) => d.messageId === last.messageId);
      expect(dead).toMatchObject({ attempts: 3, jobName: JobName.SystemPing });
      expect(dead?.error).toContain('database unreachable');
      expect(dead?.history).toEqual([expect.objectContaining({ replay: 0, attempt: 3 })]);
    } finally {
      await broken.close();
      await failing.obliterate({ force: true }).catch(() => undefined);
      await failing.close();
    }
  });

  it('dead-letters a malformed job with an error naming the field, and keeps working', async () => {
    await queue.add(JobName.SystemPing, {
      messageId: crypto.randomUUID(),
      name: JobName.SystemPing,
      payload: { pingId: 'nope' },
      correlationId: 'x',
      source: 'gateway',
      occurredAt: new Date().toISOString(),
    });
    const dead = await waitFor(
      async () =>
        (await deadLetters.list({ limit: 50, offset: 0 })).items.find((d) => d.error.includes('payload.pingId')),
      {
        what: 'the malformed job in dead letters',
      },
    );
    expect(dead.error).toMatch(/malformed system\.ping: .*payload\.pingId/);
    const pingId = crypto.randomUUID();
    await emitPing(pingId);
    await relay().relayOnce();
    await waitFor(async () => (await effects(pingId)) === 1, { what: 'a later valid job' });
  });

  it('two relays racing over the same rows publish each row once (FOR UPDATE SKIP LOCKED)', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => emitPing(crypto.randomUUID())));
    const published: string[] = [];
    const counting = () =>
      new OutboxRelay(
        dataSource,
        (consumer) =>
          ({
            addBulk: (jobs: { opts?: { jobId?: string } }[]) => {
              published.push(...jobs.map((j) => `${consumer}/${j.opts!.jobId!}`));
              return Promise.resolve();
            },
          }) as unknown as Queue,
        { source: ServiceName.Gateway, pollMs: 50, jobOptions: {}, batchSize: 7 },
      );
    const a = counting();
    const b = counting();
    const drain = async (r: OutboxRelay) => {
      while ((await r.relayOnce()) > 0);
    };
    await Promise.all([drain(a), drain(b)]);
    // Each row once per consumer queue (the ping fans out to every service), never twice.
    const expected = ids.flatMap((id) => consumersOf(JobName.SystemPing).map((consumer) => `${consumer}/${id}`));
    expect(published.filter((key) => ids.includes(key.split('/')[1])).sort()).toEqual(expected.sort());
  });

  it('keeps consuming after its database connections, LISTEN included, are dropped (PostgreSQL backend, bullmq #4729)', async () => {
    if (settings.kind !== 'postgres') return; // Redis reconnects are ioredis' job
    // Let the worker block on its LISTEN connection, then cut every BullMQ connection (pool and LISTEN).
    await new Promise((r) => setTimeout(r, 300));
    const killed = await dataSource.query<{ pid: number }[]>(
      `SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name <> 'dealgate-${SCHEMA}'`,
    );
    expect(killed.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    const pingId = crypto.randomUUID();
    await emitPing(pingId);
    await relay().relayOnce();
    await waitFor(async () => (await effects(pingId)) === 1, {
      what: 'a job after the LISTEN connection died',
      timeoutMs: 30_000,
    });
  });

  it('shuts down gracefully: the job in flight finishes and the relay stops after its pass', async () => {
    const pingId = crypto.randomUUID();
    const slow = new EffectHandler();
    const slowHandle = slow.handle.bind(slow);
    slow.handle = async (payload, context) => {
      await new Promise((r) => setTimeout(r, 400));
      await slowHandle(payload, context);
    };
    const slowQueueName = `${queueName}-slow`;
    const slowQueue = new Queue(slowQueueName, { connection: settings.connection, prefix: settings.prefix });
    const slowDispatcher = new JobDispatcher(
      dataSource,
      new Map([[JobName.SystemPing, slow]]),
      () => slowQueue,
      deadLetters,
      {
        service: ServiceName.Gateway,
        attempts: 1,
        backoffMs: 10,
      },
    );
    const slowWorker = new Worker(slowQueueName, (job: Job) => slowDispatcher.dispatch(job), {
      connection: settings.connection,
      prefix: settings.prefix,
    });
    await slowQueue.add(JobName.SystemPing, {
      messageId: crypto.randomUUID(),
      name: JobName.SystemPing,
      payload: { pingId, sentAt: new Date().toISOString() },
      correlationId: 'slow',
      source: ServiceName.Gateway,
      occurredAt: new Date().toISOString(),
    });
    await waitFor(async () => (await slowQueue.getActiveCount()) === 1, { what: 'the job to be in flight' });
    await slowWorker.close();
    expect(await effects(pingId)).toBe(1);
    await slowQueue.close();

    const running = relay();
    running.start();
    await running.stop();
    const messageId = await emitPing(crypto.randomUUID());
    await new Promise((r) => setTimeout(r, 150));
    const [row] = await dataSource.query<{ sent_at: Date | null }[]>('SELECT sent_at FROM outbox WHERE id = $1', [
      messageId,
    ]);
    expect(row.sent_at).toBeNull();
  });
});
