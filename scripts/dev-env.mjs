// Prints the environment one service needs to run alone (`nest start <service> --watch`) next to a system started
// with `npm start -- --skip <service>`: the database of that system (var/runtime.json), its secrets (var/jwt-secret,
// var/pii-key) and the service's port. Plain Node, no dependencies. Usage:
//   node scripts/dev-env.mjs prospects > var/prospects.env
//   npx nest start prospects --watch --env-file var/prospects.env
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const PORTS = { gateway: 3000, prospects: 3001, approvals: 3002, contracts: 3003, notifications: 3004 };
const service = process.argv[2];
if (!(service in PORTS)) {
  console.error(`usage: node scripts/dev-env.mjs <${Object.keys(PORTS).join('|')}>`);
  process.exit(2);
}
const env = process.env;
const data = resolve(env.DEALGATE_DATA_DIR ?? 'var');
const read = (name) => (existsSync(join(data, name)) ? readFileSync(join(data, name), 'utf8').trim() : undefined);
const runtime = read('runtime.json') ? JSON.parse(read('runtime.json')) : {};
const databaseUrl = env.DATABASE_URL ?? runtime.databaseUrl;
if (!databaseUrl) {
  console.error('No database: start the rest first (npm start -- --skip ' + service + ') or set DATABASE_URL.');
  process.exit(1);
}
const portVar = (name) => `${name.toUpperCase()}_PORT`;
const portOf = (name) => env[name === 'gateway' ? 'PORT' : portVar(name)] ?? String(PORTS[name]);
const vars = {
  DATABASE_URL: databaseUrl,
  REDIS_URL: env.REDIS_URL ?? runtime.redisUrl,
  QUEUE_PREFIX: env.QUEUE_PREFIX ?? runtime.prefix,
  JWT_SECRET: env.JWT_SECRET ?? read('jwt-secret'),
  PII_KEY: env.PII_KEY ?? read('pii-key'),
  PORT: portOf(service),
  PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${portOf('gateway')}`,
  LOG_LEVEL: env.LOG_LEVEL,
};
if (service === 'gateway') {
  for (const name of Object.keys(PORTS).filter((n) => n !== 'gateway')) {
    vars[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${portOf(name)}`;
  }
}
for (const [key, value] of Object.entries(vars)) if (value !== undefined) console.log(`${key}=${value}`);
