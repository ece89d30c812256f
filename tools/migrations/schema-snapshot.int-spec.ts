import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestDatabase, createTestDatabase } from '@dealgate/testing';
import {
  SERVICE_MIGRATIONS,
  SNAPSHOT_DIR,
  SchemaSnapshot,
  Service,
  describeSchema,
  migrateService,
  schemaDiff,
} from './schema-snapshot';

// Every service's migrations, run from the first on an empty database, must build the schema committed in
// tools/migrations/schema/<service>.json: an edited migration, or a new one without `npm run migrations:snapshot`,
// fails here naming the table, column, index or constraint that differs.
describe('schema built by the migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it.each(Object.keys(SERVICE_MIGRATIONS) as Service[])(
    '%s matches its snapshot',
    async (service) => {
      await migrateService(db.url, service);
      const actual = await describeSchema(db.url, service);
      const expected = JSON.parse(readFileSync(join(SNAPSHOT_DIR, `${service}.json`), 'utf8')) as SchemaSnapshot;
      expect(schemaDiff(expected, actual)).toEqual([]);
    },
    60_000,
  );

  it('names what differs', () => {
    const column = { position: 1, type: 'uuid', notNull: true, default: null };
    const table = { columns: { id: column }, constraints: {}, indexes: {}, triggers: {} };
    const expected = { tables: { a: table, b: table }, functions: {} };
    const actual = {
      tables: { a: { ...table, columns: { id: { ...column, type: 'text' } } }, c: table },
      functions: {},
    };
    expect(schemaDiff(expected, actual)).toEqual([
      'tables.a.columns.id.type: "uuid" in the snapshot, "text" migrated',
      'tables.b: in the snapshot, missing from the migrated schema',
      'tables.c: in the migrated schema, missing from the snapshot',
    ]);
  });
});
