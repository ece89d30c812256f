import { Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { QueueSettings } from '@dealgate/messaging';

// The two baselines the physical limit of a transition is made of, measured on the run's own stores: what BullMQ
// alone moves (no-op jobs) and what the database commits (tiny transactions).

/**
 * Plain BullMQ on the run's backend: `jobs` no-op jobs added in bulks of 500 and taken by one worker of
 * concurrency 8 (as `bench:messaging`'s baseline), timed from the first add to the last completion. Jobs per second.
 */
export async function rawBullmqJobsPerSecond(settings: QueueSettings, prefix: string, jobs: number): Promise<number> {
  const opts = { connection: settings.connection, prefix };
  const queue = new Queue('bench-e2e-noop', opts);
  let completed = 0;
  let allDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDone = resolve));
  const worker = new Worker('bench-e2e-noop', () => Promise.resolve(), { ...opts, concurrency: 8 });
  worker.on('completed', () => {
    if (++completed === jobs) allDone();
  });
  await worker.waitUntilReady();
  try {
    const started = performance.now();
    for (let i = 0; i < jobs; i += 500) {
      await queue.addBulk(
        Array.from({ length: Math.min(500, jobs - i) }, (_, j) => ({
          name: 'noop',
          data: { n: i + j },
          opts: { removeOnComplete: true },
        })),
      );
    }
    await done;
    return (jobs / (performance.now() - started)) * 1000;
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/**
 * The database's commit rate: `clients` connections each committing single-row INSERTs (autocommit, one round trip
 * each) for `seconds`. Commits per second.
 */
export async function commitsPerSecond(databaseUrl: string, clients: number, seconds: number): Promise<number> {
  const setup = new Client({ connectionString: databaseUrl });
  await setup.connect();
  await setup.query('CREATE SCHEMA IF NOT EXISTS bench_e2e');
  await setup.query(
    'CREATE TABLE IF NOT EXISTS bench_e2e.tps (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())',
  );
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  try {
    const end = performance.now() + seconds * 1000;
    const counts = await Promise.all(
      connections.map(async (client) => {
        let n = 0;
        while (performance.now() < end) {
          await client.query('INSERT INTO bench_e2e.tps DEFAULT VALUES');
          n++;
        }
        return n;
      }),
    );
    return counts.reduce((a, b) => a + b, 0) / seconds;
  } finally {
    await Promise.all(connections.map((c) => c.end()));
    await setup.query('TRUNCATE bench_e2e.tps');
    await setup.end();
  }
}
