import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  // Stops the embedded PostgreSQL of the run and deletes its throw-away cluster (see global-setup.ts).
  await globalThis.__embeddedPostgres?.stop();
  if (globalThis.__embeddedPostgresRoot) rmSync(globalThis.__embeddedPostgresRoot, { recursive: true, force: true });
}
