import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RunningPostgres, startEmbeddedPostgres } from '../libs/database/src/embedded/embedded-postgres';

declare global {
  var __embeddedPostgres: RunningPostgres | undefined;
  var __embeddedPostgresRoot: string | undefined;
  var __templateDatabase: { serverUrl: string; name: string } | undefined;
}

const ROOT = resolve(__dirname, '..');

/**
 * With no DATABASE_URL the integration tests run on a real PostgreSQL that this setup starts from the
 * `embedded-postgres` package (and so on BullMQ's PostgreSQL backend, unless REDIS_URL is set). Either way it then
 * builds the run's migrated template database (test/support/migrated-template.ts), which `createTestDatabase`
 * copies for every suite.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    const root = mkdtempSync(join(tmpdir(), 'dealgate-test-'));
    globalThis.__embeddedPostgresRoot = root;
    const dataDir = join(root, 'pg');
    const postgres = await startEmbeddedPostgres({ dataDir, database: 'dealgate_test', removeDataOnStop: true });
    globalThis.__embeddedPostgres = postgres;
    process.env.DATABASE_URL = postgres.url;
    process.env.DEALGATE_TEST_EMBEDDED = '1';
  }
  const name = `dealgate_tpl_${randomBytes(6).toString('hex')}`;
  const built = spawnSync(
    process.execPath,
    ['-r', './tools/openapi/register.js', 'test/support/migrated-template.ts', process.env.DATABASE_URL, name],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`the migrated template database failed:\n${built.stderr}${built.stdout}`);
  globalThis.__templateDatabase = { serverUrl: process.env.DATABASE_URL, name };
  process.env.DEALGATE_TEST_TEMPLATE = name;
}
