import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateSchema } from '@dealgate/database';
import { createTestDatabase } from '@dealgate/testing';
import { APPROVALS_MIGRATIONS } from '../../apps/approvals/src/migrations';
import { CONTRACTS_MIGRATIONS } from '../../apps/contracts/src/migrations';
import { GATEWAY_MIGRATIONS } from '../../apps/gateway/src/migrations';
import { NOTIFICATIONS_MIGRATIONS } from '../../apps/notifications/src/migrations';
import { PROSPECTS_MIGRATIONS } from '../../apps/prospects/src/migrations';

// The schema each service's migrations build from nothing, read back from pg_catalog, committed as
// tools/migrations/schema/<service>.json. schema-snapshot.int-spec.ts migrates an empty database and compares, so a
// migration edited in place (or a new one) shows as the table and column it changes; `npm run migrations:snapshot`
// rewrites the files after an intended change. Written to read the same on PostgreSQL 15 and 18 (the embedded one):
// NOT NULL is a column's flag, not a constraint, and a function is its body's hash, not its deparsed text.

export const SERVICE_MIGRATIONS = {
  approvals: APPROVALS_MIGRATIONS,
  contracts: CONTRACTS_MIGRATIONS,
  gateway: GATEWAY_MIGRATIONS,
  notifications: NOTIFICATIONS_MIGRATIONS,
  prospects: PROSPECTS_MIGRATIONS,
};
export type Service = keyof typeof SERVICE_MIGRATIONS;

export const SNAPSHOT_DIR = join(__dirname, 'schema');

interface Column {
  position: number;
  type: string;
  notNull: boolean;
  default: string | null;
}
interface Table {
  columns: Record<string, Column>;
  constraints: Record<string, string>;
  indexes: Record<string, string>;
  triggers: Record<string, string>;
}
interface Routine {
  arguments: string;
  returns: string;
  language: string;
  bodySha256: string;
}
export interface SchemaSnapshot {
  tables: Record<string, Table>;
  functions: Record<string, Routine>;
}

/**
 * Applies a service's migrations (all of them, or the first few as a release had them), in order, to its schema of
 * the database at url, as the service does at start; returns the names of those it ran.
 */
export async function migrateService(
  url: string,
  service: Service,
  migrations: readonly (typeof SERVICE_MIGRATIONS)[Service][number][] = SERVICE_MIGRATIONS[service],
): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions({ url, schema: service, entities: [], migrations: [...migrations] }),
  );
  await dataSource.initialize();
  try {
    return await migrateSchema(dataSource, service);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Reads one schema. Its own connection keeps the default search_path, so every name the catalog deparses (a foreign
 * key's table, a sequence in a default) comes out schema-qualified, however the service's connections are set.
 */
export async function describeSchema(url: string, schema: string): Promise<SchemaSnapshot> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async <T>(sql: string) => (await client.query(sql, [schema])).rows as T[];
    const snapshot: SchemaSnapshot = { tables: {}, functions: {} };
    const table = (name: string) =>
      (snapshot.tables[name] ??= { columns: {}, constraints: {}, indexes: {}, triggers: {} });
    // The tables of the schema, joined on the catalog column that names the table (rel).
    const inSchema = (rel: string) => `JOIN pg_class c ON c.oid = ${rel} JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')`;

    for (const r of await rows<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class t ${inSchema('t.oid')} ORDER BY 1`,
    ))
      table(r.table);
    for (const r of await rows<{ table: string; column: string } & Column>(`
        SELECT c.relname AS table, a.attname AS column, a.attnum AS position,
          format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS "notNull",
          pg_get_expr(d.adbin, d.adrelid) AS default
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        ${inSchema('a.attrelid')} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, 3`))
      table(r.table).columns[r.column] = { position: r.position, type: r.type, notNull: r.notNull, default: r.default };
    // contype 'n' (PostgreSQL 18 records NOT NULL as a constraint too) is the column's notNull already.
    for (const r of await rows<{ table: string; name: string; definition: string }>(`
        SELECT c.relname AS table, x.conname AS name, pg_get_constraintdef(x.oid) AS definition
        FROM pg_constraint x ${inSchema('x.conrelid')} AND x.contype <> 'n' ORDER BY 1, 2`))
      table(r.table).constraints[r.name] = r.definition;
    for (const r of await rows<{ table: string; name: string; definition: string }>(`
        SELECT c.relname AS table, i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid ${inSchema('x.indrelid')} ORDER BY 1, 2`))
      table(r.table).indexes[r.name] = r.definition;
    for (const r of await rows<{ table: string; name: string; definition: string }>(`
        SELECT c.relname AS table, x.tgname AS name, pg_get_triggerdef(x.oid) AS definition
        FROM pg_trigger x ${inSchema('x.tgrelid')} AND NOT x.tgisinternal ORDER BY 1, 2`))
      table(r.table).triggers[r.name] = r.definition;
    for (const r of await rows<{ name: string; body: string } & Omit<Routine, 'bodySha256'>>(`
        SELECT p.proname AS name, pg_get_function_identity_arguments(p.oid) AS arguments,
          pg_get_function_result(p.oid) AS returns, l.lanname AS language, p.prosrc AS body
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace JOIN pg_language l ON l.oid = p.prolang
        WHERE n.nspname = $1 ORDER BY 1, 2`)) {
      const bodySha256 = createHash('sha256').update(r.body).digest('hex');
      snapshot.functions[`${r.name}(${r.arguments})`] = {
        arguments: r.arguments,
        returns: r.returns,
        language: r.language,
        bodySha256,
      };
    }
    return snapshot;
  } finally {
    await client.end();
  }
}

/** Where two snapshots differ, as one line per path: "tables.prospect.columns.owner_id.type: uuid in the snapshot, text migrated". */
export function schemaDiff(expected: unknown, actual: unknown, path = ''): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (isObject(expected) && isObject(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    return keys.flatMap((key) => {
      const at = path ? `${path}.${key}` : key;
      if (!(key in actual)) return [`${at}: in the snapshot, missing from the migrated schema`];
      if (!(key in expected)) return [`${at}: in the migrated schema, missing from the snapshot`];
      return schemaDiff(expected[key], actual[key], at);
    });
  }
  return JSON.stringify(expected) === JSON.stringify(actual)
    ? []
    : [`${path}: ${JSON.stringify(expected)} in the snapshot, ${JSON.stringify(actual)} migrated`];
}

export const snapshotText = (snapshot: SchemaSnapshot) => `${JSON.stringify(snapshot, null, 2)}\n`;

// `npm run migrations:snapshot`: migrates a throwaway database on DATABASE_URL's server and writes the files.
async function writeSnapshots(): Promise<void> {
  if (!process.env.DATABASE_URL) {
    throw new Error('set DATABASE_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432/test');
  }
  const db = await createTestDatabase({ migrated: false });
  try {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    for (const service of Object.keys(SERVICE_MIGRATIONS) as Service[]) {
      await migrateService(db.url, service);
      const snapshot = await describeSchema(db.url, service);
      writeFileSync(join(SNAPSHOT_DIR, `${service}.json`), snapshotText(snapshot));
      const tables = Object.keys(snapshot.tables).length;
      console.log(`${service}: ${tables} tables, ${Object.keys(snapshot.functions).length} functions`);
    }
  } finally {
    await db.drop();
  }
}

if (require.main === module) {
  writeSnapshots().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
