import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningPostgres, startEmbeddedPostgres } from '../libs/database/src/embedded/embedded-postgres';

declare global {
  var __embeddedPostgres: RunningPostgres | undefined;
  var __embeddedPostgresRoot: string | undefined;
}

/**
 * With no DATABASE_URL the integration tests run on a real PostgreSQL that this setup starts from the
 * `embedded-postgres` package (and so on BullMQ's PostgreSQL backend, unless REDIS_URL is set).
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const root = mkdtempSync(join(tmpdir(), 'dealgate-test-'));
  globalThis.__embeddedPostgresRoot = root;
  const dataDir = join(root, 'pg');
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'dealgate_test', removeDataOnStop: true });
  globalThis.__embeddedPostgres = postgres;
  process.env.DATABASE_URL = postgres.url;
  process.env.DEALGATE_TEST_EMBEDDED = '1';
}
