import { drainDelaySeconds } from './messaging.module';
import { queueSettings } from './queue-backend';

describe('the idle wait of a service worker', () => {
  const env = { DATABASE_URL: 'postgres://db/x', QUEUE_PREFIX: 'bull' };

  it("is WORKER_IDLE_WAIT_MS on BullMQ's PostgreSQL backend (a new job wakes the worker through LISTEN)", () => {
    expect(drainDelaySeconds({ queue: queueSettings(env), workerIdleWaitMs: 120_000 })).toBe(120);
    expect(drainDelaySeconds({ queue: queueSettings(env), workerIdleWaitMs: 400 })).toBe(1);
  });

  it("stays BullMQ's default on Redis, where the wait is a blocking command kept short", () => {
    const redis = queueSettings({ ...env, REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(drainDelaySeconds({ queue: redis, workerIdleWaitMs: 120_000 })).toBeUndefined();
  });
});
