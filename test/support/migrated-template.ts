// Builds the integration run's template database: every service's migrations applied once, so each suite's fresh
// database is a copy (`CREATE DATABASE … TEMPLATE`) instead of running ~50 migrations again at every boot (about
// 3-8 s of a service's start). Run by test/global-setup.ts in a child process: `node -r ./tools/openapi/register.js
// test/support/migrated-template.ts <server url> <template name>`.
import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, migrateSchema } from '@dealgate/database';
import { APPROVALS_MIGRATIONS } from '../../apps/approvals/src/migrations';
import { CONTRACTS_MIGRATIONS } from '../../apps/contracts/src/migrations';
import { GATEWAY_MIGRATIONS } from '../../apps/gateway/src/migrations';
import { NOTIFICATIONS_MIGRATIONS } from '../../apps/notifications/src/migrations';
import { PROSPECTS_MIGRATIONS } from '../../apps/prospects/src/migrations';

const SCHEMAS = {
  approvals: APPROVALS_MIGRATIONS,
  contracts: CONTRACTS_MIGRATIONS,
  gateway: GATEWAY_MIGRATIONS,
  notifications: NOTIFICATIONS_MIGRATIONS,
  prospects: PROSPECTS_MIGRATIONS,
};

async function build(serverUrl: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // One schema after another, each on its own connection that is closed before the template is copied.
  for (const [schema, migrations] of Object.entries(SCHEMAS)) {
    const dataSource = new DataSource(dataSourceOptions({ url: url.toString(), schema, entities: [], migrations }));
    await dataSource.initialize();
    try {
      await migrateSchema(dataSource, schema);
    } finally {
      await dataSource.destroy();
    }
  }
}

const [serverUrl, name] = process.argv.slice(2);
if (!serverUrl || !/^[a-z_][a-z0-9_]*$/.test(name ?? '')) {
  process.stderr.write('usage: migrated-template.ts <server url> <template name>\n');
  process.exit(2);
}
build(serverUrl, name).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
