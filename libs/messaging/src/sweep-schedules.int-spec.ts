import { Job, Queue, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { TestDatabase, createTestDatabase, testEnv, waitFor } from '@dealgate/testing';
import { QueueSettings, installQueueBackend, queueSettings } from './queue-backend';
import { SWEEP_JOB_PREFIX, Sweep } from './sweep';
import { SweepSchedules } from './sweep-schedules';

// The sweeps' schedulers live in the queue store; when the store loses them they must come back by themselves.
describe('sweep schedules over the real queue backend', () => {
  let db: TestDatabase;
  let settings: QueueSettings;

  beforeAll(async () => {
    db = await createTestDatabase();
    const env = testEnv(db.url);
    settings = queueSettings({ DATABASE_URL: db.url, REDIS_URL: env.REDIS_URL, QUEUE_PREFIX: env.QUEUE_PREFIX! });
    await installQueueBackend(settings, db.url);
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('registers every sweep at start, and again by itself after the queue store lost them', async () => {
    const queueName = `sweeps-${randomUUID()}`;
    const queue = new Queue(queueName, { connection: settings.connection, prefix: settings.prefix });
    const runs: string[] = [];
    const worker = new Worker(queueName, (job: Job) => Promise.resolve(void runs.push(job.name)), {
      connection: settings.connection,
      prefix: settings.prefix,
    });
    const sweeps: Sweep[] = [
      { name: 'reminders', everyMs: 150, run: () => Promise.resolve() },
      { name: 'overdue', everyMs: 60_000, run: () => Promise.resolve() },
    ];
    const schedules = new SweepSchedules('contracts', sweeps, () => queue, 100);
    try {
      await schedules.start();
      expect(await queue.getJobScheduler('contracts-reminders')).toMatchObject({ every: 150 });
      expect(await queue.getJobScheduler('contracts-overdue')).toMatchObject({ every: 60_000 });
      await waitFor(() => runs.includes(`${SWEEP_JOB_PREFIX}reminders`), { what: 'a first sweep run' });

      // What a FLUSHALL or a wiped queue schema does to this queue: schedulers and jobs gone.
      await worker.pause();
      await queue.obliterate({ force: true });
      expect(await queue.getJobScheduler('contracts-reminders')).toBeUndefined();
      expect(await queue.getJobScheduler('contracts-overdue')).toBeUndefined();
      runs.length = 0;
      await worker.resume();

      await waitFor(async () => (await queue.getJobScheduler('contracts-overdue')) !== undefined, {
        what: 'the lost schedulers to be registered again',
      });
      expect(await queue.getJobScheduler('contracts-reminders')).toMatchObject({ every: 150 });
      await waitFor(() => runs.includes(`${SWEEP_JOB_PREFIX}reminders`), { what: 'the sweep to run again' });
      // Nothing was missing any more: a check changes nothing.
      expect(await schedules.restoreMissing()).toEqual([]);
    } finally {
      await schedules.stop();
      await worker.close();
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });
});
