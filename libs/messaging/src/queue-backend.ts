import { ConnectionOptions, runMigrations, setDefaultBackendFactory } from 'bullmq';
import { Client } from 'pg';
import { retryingPostgresBackend } from './postgres-backend';

export type QueueBackendKind = 'redis' | 'postgres';

export interface QueueSettings {
  kind: QueueBackendKind;
  /** What BullMQ's `connection` option takes for that backend. */
  connection: ConnectionOptions;
  prefix: string;
}

function redisOptions(url: string) {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers block on Redis; they must retry forever rather than fail the command.
    maxRetriesPerRequest: null,
  };
}

/** How long BullMQ's PostgreSQL pools keep an idle connection. */
const POOL_IDLE_MS = 90_000;

/** Redis when REDIS_URL is set; otherwise BullMQ's PostgreSQL backend on the service's own database. */
export function queueSettings(env: { DATABASE_URL: string; REDIS_URL?: string; QUEUE_PREFIX: string }): QueueSettings {
  if (env.REDIS_URL) return { kind: 'redis', connection: redisOptions(env.REDIS_URL), prefix: env.QUEUE_PREFIX };
  // The object form is deliberate: a bare string as `connection` exhausted the heap in a trial. Each queue's pool keeps
  // an idle connection 90 s (pg's default is 10 s): the periodic looks (marker and stalled checks every 30 s, the
  // failed list every 60 s) otherwise open a new connection each time, and a new connection is a commit and a fork.
  return {
    kind: 'postgres',
    connection: { connectionString: env.DATABASE_URL, idleTimeoutMillis: POOL_IDLE_MS },
    prefix: env.QUEUE_PREFIX,
  };
}

/**
 * Must run before any Queue or Worker is built (so before Nest modules register queues): @nestjs/bullmq has no
 * backend option, so the PostgreSQL backend is installed as BullMQ's process-wide default.
 */
export async function installQueueBackend(settings: QueueSettings, databaseUrl: string): Promise<void> {
  if (settings.kind === 'redis') {
    setDefaultBackendFactory(undefined);
    return;
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await runMigrations(client);
  } finally {
    await client.end();
  }
  setDefaultBackendFactory(retryingPostgresBackend);
}

/**
 * What Dealgate relies on from a Redis queue store, checked at start: `maxmemory-policy noeviction` (an evicting Redis
 * drops queued jobs silently) and persistence (AOF or RDB snapshots; without it a restart empties the store, which the
 * relays survive by publishing again, see store-reset.ts, but at the cost of a burst of duplicates). Returns one
 * warning per unmet setting; a Redis that refuses CONFIG (managed services) gives a warning saying so.
 */
export async function redisSettingWarnings(connection: ConnectionOptions): Promise<string[]> {
  const { Redis } = await import('ioredis');
  const client = new Redis({ ...(connection as object), lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const [, policy] = (await client.config('GET', 'maxmemory-policy')) as [string, string];
    const [, appendonly] = (await client.config('GET', 'appendonly')) as [string, string];
    const [, save] = (await client.config('GET', 'save')) as [string, string];
    const warnings: string[] = [];
    if (policy !== 'noeviction') {
      warnings.push(`Redis maxmemory-policy is "${policy}": set it to "noeviction", or Redis may drop queued jobs`);
    }
    if (appendonly !== 'yes' && !save?.trim()) {
      warnings.push(
        'Redis keeps nothing on disk (appendonly no, no save points): a restart empties the queue store; the relays ' +
          'publish recent messages again, but set "appendonly yes" (as docker-compose.yml does)',
      );
    }
    return warnings;
  } catch (error) {
    return [
      `could not check the Redis settings (${(error as Error).message}); make sure of noeviction and persistence`,
    ];
  } finally {
    client.disconnect();
  }
}
