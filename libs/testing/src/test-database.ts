import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set: run the integration tests through `npm test` (it starts PostgreSQL)');
  return url;
}

/**
 * A fresh database per test file on the test server: suites never see each other's rows or queues. In an integration
 * run it is a copy of the run's migrated template (test/global-setup.ts), so the services find their migrations
 * applied; `{ migrated: false }` gives an empty one (for tests of the migrations themselves).
 */
export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const base = new URL(serverUrl());
  const name = `dealgate_t_${randomBytes(6).toString('hex')}`;
  const template = options.migrated === false ? undefined : process.env.DEALGATE_TEST_TEMPLATE;
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  try {
    await createDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const client = new Client({ connectionString: base.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * CREATE DATABASE, from the template when there is one. Two copies of one template at the same instant can meet
 * "source database is being accessed by other users" (each copy briefly connects to it): tried again a few times.
 */
async function createDatabase(admin: Client, name: string, template: string | undefined): Promise<void> {
  if (!template) {
    await admin.query(`CREATE DATABASE ${name}`);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      const busy = (error as { code?: string }).code === '55006';
      if (!busy || attempt === 20) throw error;
      await new Promise((done) => setTimeout(done, 50 * attempt));
    }
  }
}

/** Runs one query on a database and closes the connection. */
export async function queryOnce<T = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
