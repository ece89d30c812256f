import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { TestDatabase, createTestDatabase, testEnv } from '@dealgate/testing';
import { QueueSettings, installQueueBackend, queueSettings } from './queue-backend';
import { SWEEP_JOB_PREFIX, Sweep } from './sweep';
import { legacySchedulerId, removeLegacySweepSchedulers } from './sweep-timers';

// Sweeps run on timers now; the job schedulers an older version registered in the queue store must go away.
describe('legacy sweep schedulers over the real queue backend', () => {
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

  it('removes the schedulers of the service sweeps, and a second time changes nothing', async () => {
    const queue = new Queue(`sweeps-${randomUUID()}`, { connection: settings.connection, prefix: settings.prefix });
    const sweeps: Sweep[] = [
      { name: 'reminders', everyMs: 60_000, run: () => Promise.resolve() },
      { name: 'overdue', everyMs: 60_000, run: () => Promise.resolve() },
    ];
    try {
      for (const sweep of sweeps) {
        // what the older version registered at boot
        await queue.upsertJobScheduler(
          legacySchedulerId('contracts', sweep),
          { every: sweep.everyMs },
          { name: `${SWEEP_JOB_PREFIX}${sweep.name}`, data: {}, opts: { removeOnComplete: true } },
        );
      }
      await queue.upsertJobScheduler('someone-else', { every: 60_000 }, { name: 'other' });
      expect(await queue.getJobScheduler('contracts-reminders')).toMatchObject({ every: 60_000 });

      await removeLegacySweepSchedulers('contracts', sweeps, queue);
      expect(await queue.getJobScheduler('contracts-reminders')).toBeUndefined();
      expect(await queue.getJobScheduler('contracts-overdue')).toBeUndefined();
      expect(await queue.getJobScheduler('someone-else')).toMatchObject({ every: 60_000 });
      await expect(removeLegacySweepSchedulers('contracts', sweeps, queue)).resolves.toBeUndefined();
    } finally {
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  });
});
