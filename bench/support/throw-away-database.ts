import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningPostgres, startEmbeddedPostgres } from '@dealgate/database';

export interface ThrowAwayDatabase {
  url: string;
  /** Drops the database (and stops the embedded PostgreSQL if this run started one). */
  drop(): Promise<void>;
}

/**
 * A fresh database named `<prefix>_<time>` for one benchmark run, on DATABASE_URL's server or, without it, on an
 * embedded PostgreSQL started for the run and removed afterwards.
 */
export async function throwAwayDatabase(prefix: string): Promise<ThrowAwayDatabase> {
  let postgres: RunningPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    postgres = await startEmbeddedPostgres({
      dataDir: join(mkdtempSync(join(tmpdir(), 'dealgate-bench-')), 'pg'),
      removeDataOnStop: true,
    });
    serverUrl = postgres.url;
  }
  const name = `${prefix}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      await postgres?.stop();
    },
  };
}
