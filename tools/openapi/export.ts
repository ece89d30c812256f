// `npm run openapi` step 2: boots the five services in this process on a throw-away database (the DATABASE_URL
// server, or an embedded PostgreSQL when none is set), fetches the gateway's merged document and writes it to
// openapi.json in canonical form (sorted keys, 2-space indent), so the same sources always give the same bytes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@dealgate/database';
import { OPENAPI_FILE, canonicalJson, createTestDatabase, fetchServedDocument, testEnv } from '@dealgate/testing';
import { startSystem } from '../../test/support/system-harness';

async function withDatabaseServer<T>(run: () => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return run();
  const dir = mkdtempSync(join(tmpdir(), 'dealgate-openapi-'));
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), removeDataOnStop: true });
  process.env.DATABASE_URL = postgres.url;
  try {
    return await run();
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exportDocument(): Promise<void> {
  const db = await createTestDatabase();
  try {
    const system = await startSystem(testEnv(db.url));
    try {
      const document = await fetchServedDocument(system.gatewayUrl);
      const info = document.info as { description?: string } | undefined;
      const description = info?.description ?? '';
      // A service that did not answer would silently drop its routes from the contract.
      if (/not included/i.test(description)) throw new Error(`incomplete document: ${description}`);
      writeFileSync(OPENAPI_FILE, canonicalJson(document));
    } finally {
      await system.stop();
    }
  } finally {
    await db.drop();
  }
}

withDatabaseServer(exportDocument).then(
  () => {
    process.stdout.write(`wrote ${OPENAPI_FILE}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(
      `openapi export failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
