import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from '@dealgate/messages';
import { currentCorrelationId } from '@dealgate/common';
import { markOutboxWritten } from './outbox-commit-hook';

/**
 * Writes a job to the service's outbox inside the caller's transaction: the state change and the job commit
 * together or not at all. The commit wakes the relay, which publishes it at once. Returns the message id (also the
 * BullMQ job id).
 */
export async function emitJob<N extends JobName>(
  manager: EntityManager,
  name: N,
  payload: JobPayloads[N],
): Promise<string> {
  if (!manager.queryRunner?.isTransactionActive) {
    // Outside a transaction the "commit together" promise would silently not hold.
    throw new Error(`emitJob(${name}) must run inside a transaction`);
  }
  const id = randomUUID();
  await manager.query('INSERT INTO outbox (id, job_name, payload, correlation_id) VALUES ($1, $2, $3, $4)', [
    id,
    name,
    JSON.stringify(payload),
    currentCorrelationId() ?? randomUUID(),
  ]);
  // Its commit wakes the relay (OutboxCommitHook).
  markOutboxWritten(manager);
  return id;
}
