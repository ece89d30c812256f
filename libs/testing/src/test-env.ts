import { randomBytes } from 'node:crypto';

export const TEST_JWT_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
export const TEST_PII_KEY = 'test-pii-key-0123456789abcdef0123456789';
/** The gateway's `/metrics` scrape token in tests (`Authorization: Bearer <it>`). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';

/**
 * The environment of a service under test: the suite's own database, Redis when the run provides REDIS_URL (else
 * BullMQ's PostgreSQL backend), a queue prefix of its own, fast polling and backoff so tests never sleep long.
 */
export function testEnv(
  databaseUrl: string,
  overrides: Record<string, string> = {},
): Record<string, string | undefined> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL,
    QUEUE_PREFIX: `t-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: TEST_JWT_SECRET,
    PII_KEY: TEST_PII_KEY,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '50',
    OUTBOX_IDLE_POLL_MAX_MS: '50',
    JOB_BACKOFF_MS: '50',
    JOB_ATTEMPTS: '3',
    // Suites log many people in from one address; the per-address login limit has its own test (gateway rate limits).
    LOGIN_ADDRESS_RATE_LIMIT: '100000',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    // Webhook receivers of the suites listen on 127.0.0.1; only the allow-list lets a webhook reach loopback.
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    ...overrides,
  };
}
