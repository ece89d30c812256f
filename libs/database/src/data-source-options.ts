import { DataSource, DataSourceOptions, MixedList } from 'typeorm';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Classes = MixedList<Function | string>;

export interface ServiceDatabaseOptions {
  url: string;
  /** The service's own PostgreSQL schema: no service reads another's. */
  schema: string;
  entities: Classes;
  migrations: Classes;
  poolSize?: number;
}

export function dataSourceOptions(options: ServiceDatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    // Schema changes go through committed migrations only.
    synchronize: false,
    migrationsRun: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: `dealgate-${options.schema}`,
      // Raw SQL (outbox, inbox, reports) names tables without a schema; the search path points at the service's own.
      options: `-c search_path=${options.schema},public`,
    },
  };
}

/**
 * Creates the service's schema and applies its pending migrations. An advisory lock per schema serialises
 * replicas that boot together, so each migration runs exactly once.
 */
export async function migrateSchema(dataSource: DataSource, schema: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [`dealgate.migrations.${schema}`]);
    await runner.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`dealgate.migrations.${schema}`])
      .catch(() => undefined);
    await runner.release();
  }
}

/** Opens a data source and brings its schema up to date. */
export async function openServiceDatabase(options: ServiceDatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(options));
  await dataSource.initialize();
  await migrateSchema(dataSource, options.schema);
  return dataSource;
}
