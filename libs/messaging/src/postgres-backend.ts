import { BackendFactory, createPostgresBackend } from 'bullmq';

/** What BullMQ's PostgreSQL backend and its connection share: readiness memoized in `readyPromise`. */
interface MemoizedReadiness {
  readyPromise?: Promise<unknown>;
  waitUntilReady(): Promise<unknown>;
}

/**
 * Makes a failed readiness check forgettable: the next call tries again instead of answering the same rejection.
 * BullMQ 6.7's PostgreSQL connection memoizes its first readiness check (a connect and a schema check) even when it
 * fails, so a queue first used while the database is unreachable (a restart, a failover, a service starting during
 * one) fails every call for the rest of the process' life: its outbox relay could never publish to that queue again.
 */
function forgetFailedReadiness(target: MemoizedReadiness): void {
  const memoized = target.waitUntilReady.bind(target);
  target.waitUntilReady = () => {
    const answer = memoized();
    const memo = target.readyPromise;
    memo?.catch(() => {
      if (target.readyPromise === memo) target.readyPromise = undefined;
    });
    return answer;
  };
}

/** BullMQ's PostgreSQL backend, whose readiness is checked again after a failure (see `forgetFailedReadiness`). */
export const retryingPostgresBackend: BackendFactory = (name, opts, factoryOptions) => {
  const backend = createPostgresBackend(name, opts as Parameters<typeof createPostgresBackend>[1], factoryOptions);
  const connection = (backend as unknown as { connection?: MemoizedReadiness }).connection;
  if (!connection || typeof connection.waitUntilReady !== 'function') {
    // A BullMQ whose backend no longer has this shape: fail at start, not silently on the first database restart.
    throw new Error('BullMQ PostgreSQL backend: no connection with waitUntilReady (see postgres-backend.ts)');
  }
  forgetFailedReadiness(connection);
  forgetFailedReadiness(backend as unknown as MemoizedReadiness);
  return backend;
};
