import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** The key a create runs under, and whether one of its transactions has committed. */
export interface RunningClaim {
  readonly principal: string;
  readonly key: string;
  committed: boolean;
}

const running = new AsyncLocalStorage<RunningClaim>();

/** Runs a create's handler under its claimed key, so the transactions it commits mark the key (below). */
export function runUnderClaim<T>(claim: RunningClaim, fn: () => T): T {
  return running.run(claim, fn);
}

/**
 * A TypeORM subscriber of the service's data source: every transaction that a create under an `Idempotency-Key`
 * commits also stamps the key's `committed_at`, in that same transaction. The answer is kept only after the commit,
 * so a process that dies (or a database that drops) in between leaves a key with an effect and no answer: the stamp
 * tells it from a request that died before committing anything, whose key is freed for a retry.
 */
export class IdempotencyCommitMark implements EntitySubscriberInterface {
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const claim = running.getStore();
    if (!claim || claim.committed) return;
    // Through the committing transaction's own runner, so the stamp is part of it.
    await event.queryRunner.manager
      .createQueryBuilder()
      .update(IdempotencyKeyEntity)
      .set({ committedAt: () => 'now()' })
      .where('principal = :principal AND key = :key AND committed_at IS NULL', {
        principal: claim.principal,
        key: claim.key,
      })
      .execute();
  }

  afterTransactionCommit(): void {
    const claim = running.getStore();
    if (claim) claim.committed = true;
  }
}
