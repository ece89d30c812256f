import { rmSync } from 'node:fs';
import { Client } from 'pg';

export default async function globalTeardown(): Promise<void> {
  // The run's template database (see global-setup.ts): dropped on a server the run did not start.
  const template = globalThis.__templateDatabase;
  if (template && !globalThis.__embeddedPostgres) {
    const client = new Client({ connectionString: template.serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`).finally(() => client.end());
  }
  // Stops the embedded PostgreSQL of the run and deletes its throw-away cluster (see global-setup.ts).
  await globalThis.__embeddedPostgres?.stop();
  if (globalThis.__embeddedPostgresRoot) rmSync(globalThis.__embeddedPostgresRoot, { recursive: true, force: true });
}
