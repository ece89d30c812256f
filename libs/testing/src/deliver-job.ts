import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobEnvelope, JobName, JobPayloads, ServiceName, queueNameOf } from '@dealgate/messages';
import { queryOnce } from './test-database';
import { waitFor } from './wait-for';

export interface DeliverOptions {
  /** The message id (a fresh one by default); the same id twice is a redelivery the inbox must drop. */
  messageId?: string;
  /** The service whose relay would have sent it (the envelope's source). */
  source?: ServiceName;
  /** A BullMQ job id of its own instead of the message id, so a redelivery is not deduplicated by BullMQ itself. */
  freshJobId?: boolean;
}

/**
 * Puts a job on a service's own queue as another service's relay would, through the running app's queue; returns
 * the message id. The service's dispatcher validates, deduplicates and handles it as in production.
 */
export async function deliverJob<N extends JobName>(
  app: INestApplication,
  service: ServiceName,
  name: N,
  payload: JobPayloads[N],
  { messageId = randomUUID(), source = ServiceName.Prospects, freshJobId = false }: DeliverOptions = {},
): Promise<string> {
  const queue = app.get<Queue>(getQueueToken(queueNameOf(service)), { strict: false });
  const envelope: JobEnvelope<N> = {
    messageId,
    name,
    payload,
    correlationId: `test-${messageId}`,
    source,
    occurredAt: new Date().toISOString(),
  };
  await queue.add(name, envelope, { jobId: freshJobId ? `${messageId}-${randomUUID()}` : messageId });
  return messageId;
}

/** Waits until a service has handled a message: its inbox row committed with the effect. */
export async function waitForInbox(dbUrl: string, schema: string, messageId: string): Promise<void> {
  await waitFor(
    async () =>
      (await queryOnce(dbUrl, `SELECT 1 FROM "${schema}".inbox WHERE message_id = $1`, [messageId])).length === 1,
    { what: `${schema} to handle message ${messageId}` },
  );
}
