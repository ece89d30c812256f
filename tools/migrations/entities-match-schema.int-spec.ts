import { Column, DataSource, Entity, PrimaryColumn, getMetadataArgsStorage } from 'typeorm';
import { dataSourceOptions } from '@dealgate/database';
import { TestDatabase, createTestDatabase } from '@dealgate/testing';
import { chassisEntities } from '../../libs/chassis/src/chassis.entities';
import { APPROVALS_ENTITIES } from '../../apps/approvals/src/approvals.entities';
import { CONTRACTS_ENTITIES } from '../../apps/contracts/src/contracts.entities';
import { GATEWAY_ENTITIES } from '../../apps/gateway/src/gateway.entities';
import { NOTIFICATIONS_ENTITIES } from '../../apps/notifications/src/notifications.entities';
import { PROSPECTS_ENTITIES } from '../../apps/prospects/src/prospects.entities';
import { SERVICE_MIGRATIONS, SchemaSnapshot, Service, describeSchema, migrateService } from './schema-snapshot';

// The migrations are the only source of the schema (synchronize is off), so nothing else would notice an entity
// that maps a column the migrations never built, or builds differently: the first query through it would fail in
// production. Each service's registered entities (<service>.entities.ts, the list its module passes to the data
// source), with the chassis's that ChassisModule adds beside them (chassisEntities, by the service's `directory`
// option), are read as TypeORM's metadata and held to the schema its migrations build, column by column.

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const SERVICE_ENTITIES: Record<Service, Function[]> = {
  approvals: [...APPROVALS_ENTITIES, ...chassisEntities(true)],
  contracts: [...CONTRACTS_ENTITIES, ...chassisEntities(true)],
  gateway: [...GATEWAY_ENTITIES, ...chassisEntities(false)],
  notifications: [...NOTIFICATIONS_ENTITIES, ...chassisEntities(true)],
  prospects: [...PROSPECTS_ENTITIES, ...chassisEntities(true)],
};

/** What differs between the data source's entities and the schema, one line naming the entity and column each. */
function entityMismatches(dataSource: DataSource, schema: string, snapshot: SchemaSnapshot): string[] {
  return dataSource.entityMetadatas.flatMap((entity) => {
    const name = `${entity.name} (${entity.tableName})`;
    if (entity.schema !== undefined && entity.schema !== schema) {
      return [`${name}: in schema ${entity.schema}, the service's is ${schema}`];
    }
    const table = snapshot.tables[entity.tableName];
    if (table === undefined) return [`${name}: no table ${schema}.${entity.tableName}`];
    const mapped = new Set(entity.columns.map((c) => c.databaseName));
    const problems = entity.columns.flatMap((column) => {
      const at = `${name}.${column.propertyName} -> column ${column.databaseName}`;
      const stored = table.columns[column.databaseName];
      if (stored === undefined) return [`${at}: no such column`];
      const storedArray = stored.type.endsWith('[]');
      const storedType = storedArray ? stored.type.slice(0, -2) : stored.type;
      const type = declaredType(dataSource, column);
      const out: string[] = [];
      if (type !== storedType) out.push(`${at}: type ${type} in the entity, ${storedType} in the table`);
      if (column.isArray !== storedArray) {
        out.push(`${at}: ${column.isArray ? 'an array' : 'not an array'} in the entity, ${stored.type} in the table`);
      }
      if (column.isNullable === stored.notNull) {
        const [mine, theirs] = column.isNullable ? ['nullable', 'NOT NULL'] : ['not nullable', 'nullable'];
        out.push(`${at}: ${mine} in the entity, ${theirs} in the table`);
      }
      return out;
    });
    // A column left out would be invisible to every read and a NOT NULL one would fail every insert.
    const unmapped = Object.keys(table.columns)
      .filter((column) => !mapped.has(column))
      .map((column) => `${name}: column ${column} of the table is not mapped`);
    const keys = entity.primaryColumns.map((c) => c.databaseName).join(', ');
    const storedKey = Object.values(table.constraints).find((definition) => definition.startsWith('PRIMARY KEY'));
    const key =
      storedKey === `PRIMARY KEY (${keys})`
        ? []
        : [`${name}: primary key (${keys}), the table has ${storedKey ?? 'none'}`];
    return [...problems, ...unmapped, ...key];
  });
}

/** The column's type as pg_catalog's format_type spells it, without the array brackets. */
function declaredType(
  dataSource: DataSource,
  column: DataSource['entityMetadatas'][number]['columns'][number],
): string {
  const type = dataSource.driver.normalizeType(column);
  if (column.length) return `${type}(${column.length})`;
  if (column.precision !== undefined && column.precision !== null) {
    return column.scale === undefined ? `${type}(${column.precision})` : `${type}(${column.precision},${column.scale})`;
  }
  return type;
}

async function withEntities<T>(
  url: string,
  schema: string,
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[],
  use: (dataSource: DataSource) => T,
): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions({ url, schema, entities, migrations: [] }));
  await dataSource.initialize();
  try {
    return use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Wrong on purpose, against the migrated approvals schema: the check below must name each of these. */
@Entity({ name: 'approval_void_notice' })
class WrongVoidNotice {
  @PrimaryColumn({ name: 'request_id', type: 'text' })
  requestId!: string;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'received', type: 'timestamptz' })
  received!: Date;

  @Column({ name: 'received_at', type: 'timestamptz', array: true })
  receivedAt!: Date[];
}

@Entity({ name: 'approval_nothing' })
class WrongTable {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;
}

describe('entities match the schema their migrations build', () => {
  let db: TestDatabase;
  const snapshots = new Map<Service, SchemaSnapshot>();
  const migrated = async (service: Service) => {
    if (!snapshots.has(service)) {
      await migrateService(db.url, service);
      snapshots.set(service, await describeSchema(db.url, service));
    }
    return snapshots.get(service)!;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it.each(Object.keys(SERVICE_MIGRATIONS) as Service[])(
    '%s: every registered entity',
    async (service) => {
      const snapshot = await migrated(service);
      const mismatches = await withEntities(db.url, service, SERVICE_ENTITIES[service], (dataSource) =>
        entityMismatches(dataSource, service, snapshot),
      );
      expect(mismatches).toEqual([]);
    },
    60_000,
  );

  // A service whose migrations build the directory copy but which left the chassis's entities for it out would read
  // and write it through entities its data source does not know.
  it.each(Object.keys(SERVICE_MIGRATIONS) as Service[])(
    '%s: every chassis table its migrations build is among the registered entities',
    async (service) => {
      const snapshot = await migrated(service);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      const tableOf = (entity: Function) => getMetadataArgsStorage().tables.find((t) => t.target === entity)?.name;
      const registered = new Set(SERVICE_ENTITIES[service].map(tableOf));
      const built = chassisEntities(true)
        .map(tableOf)
        .filter((table): table is string => table !== undefined && table in snapshot.tables);
      expect(built.length).toBeGreaterThan(0);
      expect(built.filter((table) => !registered.has(table))).toEqual([]);
    },
    60_000,
  );

  it('names the entity and the column that differ', async () => {
    const snapshot = await migrated('approvals');
    const mismatches = await withEntities(db.url, 'approvals', [WrongVoidNotice, WrongTable], (dataSource) =>
      entityMismatches(dataSource, 'approvals', snapshot),
    );
    const notice = 'WrongVoidNotice (approval_void_notice)';
    expect(mismatches.sort()).toEqual(
      [
        `${notice}.requestId -> column request_id: type text in the entity, uuid in the table`,
        `${notice}.reason -> column reason: nullable in the entity, NOT NULL in the table`,
        `${notice}.received -> column received: no such column`,
        `${notice}.receivedAt -> column received_at: an array in the entity, timestamp with time zone in the table`,
        'WrongTable (approval_nothing): no table approvals.approval_nothing',
      ].sort(),
    );
  }, 60_000);
});
