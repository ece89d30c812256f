import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Queue } from 'bullmq';
import { JobEnvelope, JobName, JobPayloads, ServiceName, queueNameOf } from '@dealgate/messages';
import { TestDatabase, startMediumTest, waitFor } from '@dealgate/testing';
import { notificationsService } from '../../../apps/notifications/src/notifications.service-definition';

export interface RunningNotifications {
  db: TestDatabase;
  app: NestExpressApplication;
  url: string;
  /**
   * Puts an event on the service's own queue as another service's relay would, and waits until the worker
   * finished it. Returns the envelope.
   */
  emit<N extends JobName>(name: N, payload: JobPayloads[N], messageId?: string): Promise<JobEnvelope<N>>;
  /** Delivers the same envelope again (a fresh BullMQ job id, as after a relay crash); answers the dispatcher's verdict. */
  redeliver(envelope: JobEnvelope): Promise<string>;
  /** Evaluates a count query on the service's database (tables named with their schema). */
  count(sql: string, params?: unknown[]): Promise<number>;
  stop(): Promise<void>;
}

/** The notifications service alone on its own database, fed by jobs added straight to its queue. */
export async function startNotifications(overrides: Record<string, string> = {}): Promise<RunningNotifications> {
  const test = await startMediumTest(notificationsService, { env: overrides });
  const { db, app, url } = test;
  const queue = app.get<Queue>(getQueueToken(queueNameOf(ServiceName.Notifications)), { strict: false });
  const run = async (envelope: JobEnvelope): Promise<string> => {
    const job = await queue.add(envelope.name, envelope, { jobId: randomUUID() });
    return waitFor(async () => (await queue.getJob(job.id!))?.returnvalue as string | undefined, {
      what: `job ${envelope.name} finished`,
    });
  };
  return {
    db,
    app,
    url,
    async emit(name, payload, messageId = randomUUID()) {
      const envelope = {
        messageId,
        name,
        payload,
        correlationId: `test-${messageId}`,
        source: ServiceName.Contracts,
        occurredAt: new Date().toISOString(),
      };
      const verdict = await run(envelope);
      if (verdict !== 'done')
        throw new Error(`${name} was not handled: ${verdict} (run with TEST_LOG_LEVEL=warn to see why)`);
      return envelope;
    },
    redeliver: run,
    count: test.count,
    stop: test.stop,
  };
}
