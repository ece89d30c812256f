import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_MIGRATIONS, Service } from './schema-snapshot';

// Where the last release left each service's migrations (release.json): the upgrade test migrates a database to
// here, as a production database of that release is, and runs the rest on top of its rows.

type Migration = (typeof SERVICE_MIGRATIONS)[Service][number];

export interface ReleasePoint {
  timestamp: number;
  name: string;
}

export const RELEASE = JSON.parse(readFileSync(join(__dirname, 'release.json'), 'utf8')) as {
  release: string;
  services: Record<Service, ReleasePoint>;
};

/** The name TypeORM records for a migration: its `name` field, as the migrations table stores it. */
export const migrationName = (migration: Migration) => new migration().name ?? migration.name;

/** A service's migrations split at its release point: the ones a released database has run, and the ones after. */
export function splitAtRelease(service: Service): { released: Migration[]; later: Migration[] } {
  const migrations = SERVICE_MIGRATIONS[service];
  const point = RELEASE.services[service];
  const at = migrations.findIndex((migration) => migrationName(migration) === point?.name);
  if (at < 0) throw new Error(`release.json: ${service} names ${point?.name}, not one of its migrations`);
  return { released: migrations.slice(0, at + 1), later: migrations.slice(at + 1) };
}
