import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { TestDatabase, createTestDatabase } from '@dealgate/testing';
import { RELEASE, migrationName, splitAtRelease } from './release-point';
import {
  SERVICE_MIGRATIONS,
  SNAPSHOT_DIR,
  SchemaSnapshot,
  Service,
  describeSchema,
  migrateService,
  schemaDiff,
} from './schema-snapshot';
import { readSchemaRows, rowDifferences } from './table-digest';
import { UPGRADE_FIXTURES } from './upgrade-fixtures';

// An upgrade as production meets it: a database of the last release (release.json), with rows in every table, then
// the migrations written since. Each table's rows must come through with the same values in the columns it had (a
// later migration may add columns and rows, never lose or rewrite one), and the schema must end as a fresh database
// builds it (schema/<service>.json). With nothing after the release point it still proves that the migrator, started
// again on a filled schema, changes nothing.
describe(`upgrade from the last release (${RELEASE.release})`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  /** Runs a fixture as the service's raw SQL runs: on the service's search_path. */
  async function insertRows(service: Service): Promise<void> {
    const client = new Client({ connectionString: db.url, options: `-c search_path=${service},public` });
    await client.connect();
    try {
      await client.query(UPGRADE_FIXTURES[service]);
    } finally {
      await client.end();
    }
  }

  it.each(Object.keys(SERVICE_MIGRATIONS) as Service[])(
    '%s keeps every row, and ends with its snapshot schema',
    async (service) => {
      const { released, later } = splitAtRelease(service);
      expect(await migrateService(db.url, service, released)).toEqual(released.map(migrationName));
      await insertRows(service);
      const before = await readSchemaRows(db.url, service);
      // Every table holds rows, so a migration that loses any has something to lose.
      const empty = Object.entries(before).filter(([, table]) => table.rows.size === 0);
      expect(empty.map(([name]) => `${name}: no rows (add some to upgrade-fixtures/${service}.ts)`)).toEqual([]);

      expect(await migrateService(db.url, service)).toEqual(later.map(migrationName));
      const after = await readSchemaRows(db.url, service);
      expect(rowDifferences(before, after, later.length > 0)).toEqual([]);

      const expected = JSON.parse(readFileSync(join(SNAPSHOT_DIR, `${service}.json`), 'utf8')) as SchemaSnapshot;
      expect(schemaDiff(expected, await describeSchema(db.url, service))).toEqual([]);
    },
    60_000,
  );
});
