// npm run bench:messaging [-- <jobs>]: throughput of the exactly-once path (outbox -> relay -> queue -> inbox +
// effect) next to a baseline of plain BullMQ (addBulk + a worker doing the same effect without outbox or inbox),
// in the same process, on the configured backend (REDIS_URL set: Redis; otherwise BullMQ's PostgreSQL backend;
// no DATABASE_URL: an embedded PostgreSQL started for the run).
import { Logger } from '@nestjs/common';
import { Job, Queue, Worker } from 'bullmq';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { openServiceDatabase } from '@dealgate/database';
import { JobName, ServiceName, SystemPingPayload } from '@dealgate/messages';
import {
  DeadLetterStore,
  JobContext,
  JobDispatcher,
  JobHandler,
  OutboxRelay,
  createMessagingTables,
  emitJob,
  installQueueBackend,
  queueSettings,
} from '@dealgate/messaging';
import { throwAwayDatabase } from './support/throw-away-database';

const JOBS = Number(process.argv[2] ?? 2000);
const SCHEMA = 'gateway';

class BenchTables1700000000001 implements MigrationInterface {
  name = 'BenchTables1700000000001';
  async up(runner: QueryRunner): Promise<void> {
    await createMessagingTables(runner, SCHEMA);
    await runner.query(`CREATE TABLE "${SCHEMA}".effect (id bigserial PRIMARY KEY, ping_id uuid NOT NULL)`);
  }
  async down(): Promise<void> {}
}

class EffectHandler implements JobHandler<typeof JobName.SystemPing> {
  async handle(payload: SystemPingPayload, { manager }: JobContext): Promise<void> {
    await manager.query('INSERT INTO effect (ping_id) VALUES ($1)', [payload.pingId]);
  }
}

async function count(ds: DataSource, sql: string): Promise<number> {
  return Number((await ds.query<{ n: string }[]>(sql))[0].n);
}

async function waitUntil(probe: () => Promise<boolean>): Promise<void> {
  while (!(await probe())) await new Promise((r) => setTimeout(r, 20));
}

async function main(): Promise<void> {
  Logger.overrideLogger(false); // one log line per job would dominate the measurement
  const database = await throwAwayDatabase('dealgate_bench');
  const db = database.url;
  const settings = queueSettings({
    DATABASE_URL: db,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: `bench-${Date.now()}`,
  });
  await installQueueBackend(settings, db);
  const ds = await openServiceDatabase({
    url: db,
    schema: SCHEMA,
    entities: [],
    migrations: [BenchTables1700000000001],
  });
  const opts = { connection: settings.connection, prefix: settings.prefix };
  try {
    // Baseline: plain BullMQ, same effect, no outbox, no inbox.
    const rawQueue = new Queue('bench-raw', opts);
    const rawWorker = new Worker(
      'bench-raw',
      async (job: Job<{ pingId: string }>) => {
        await ds.query('INSERT INTO effect (ping_id) VALUES ($1)', [job.data.pingId]);
      },
      { ...opts, concurrency: 8 },
    );
    let started = performance.now();
    for (let i = 0; i < JOBS; i += 500) {
      await rawQueue.addBulk(
        Array.from({ length: Math.min(500, JOBS - i) }, () => ({
          name: 'raw',
          data: { pingId: crypto.randomUUID() },
          opts: { removeOnComplete: true },
        })),
      );
    }
    await waitUntil(async () => (await count(ds, 'SELECT count(*) AS n FROM effect')) >= JOBS);
    const rawMs = performance.now() - started;
    await rawWorker.close();
    await rawQueue.close();
    await ds.query('TRUNCATE effect');

    // The exactly-once path: each job written to the outbox in its own transaction, relayed, deduplicated.
    const queue = new Queue('bench-exact', opts);
    const dispatcher = new JobDispatcher(
      ds,
      new Map([[JobName.SystemPing, new EffectHandler()]]),
      () => queue,
      new DeadLetterStore(ds, () => queue),
      {
        service: ServiceName.Gateway,
        attempts: 3,
        backoffMs: 100,
      },
    );
    const worker = new Worker('bench-exact', (job: Job) => dispatcher.dispatch(job), { ...opts, concurrency: 8 });
    const relay = new OutboxRelay(ds, () => queue, {
      source: ServiceName.Gateway,
      pollMs: 20,
      batchSize: 500,
      jobOptions: { removeOnComplete: true },
    });
    started = performance.now();
    relay.start();
    for (let i = 0; i < JOBS; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, JOBS - i) }, () =>
          ds.transaction((m) =>
            emitJob(m, JobName.SystemPing, { pingId: crypto.randomUUID(), sentAt: new Date().toISOString() }),
          ),
        ),
      );
    }
    // Each row fans out to every consumer queue; here they all land in one queue, so wait for all copies' inbox rows.
    await waitUntil(async () => (await count(ds, 'SELECT count(*) AS n FROM inbox')) >= JOBS);
    const exactMs = performance.now() - started;
    await relay.stop();
    await worker.close();
    await queue.close();
    const effects = await count(ds, 'SELECT count(*) AS n FROM effect');

    const rate = (ms: number) => Math.round((JOBS / ms) * 1000);
    console.log(`backend: ${settings.kind}, jobs: ${JOBS}`);
    console.log(
      `baseline  plain BullMQ add + process:           ${rawMs.toFixed(0).padStart(7)} ms  ${rate(rawMs)} jobs/s`,
    );
    console.log(
      `exactly-once outbox -> relay -> inbox + effect:  ${exactMs.toFixed(0).padStart(7)} ms  ${rate(exactMs)} jobs/s`,
    );
    console.log(
      `ratio (exactly-once / baseline time): ${(exactMs / rawMs).toFixed(2)}x; effects applied: ${effects} (expected ${JOBS})`,
    );
  } finally {
    await ds.destroy();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
