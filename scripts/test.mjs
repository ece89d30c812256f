// `npm test`: builds when the sources changed (the start-up test runs the built system), then runs every suite. With no DATABASE_URL the
// integration suites start an embedded PostgreSQL and use BullMQ's PostgreSQL backend; with DATABASE_URL and
// REDIS_URL they run on those servers. Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

// The same freshness check as npm start: CI has just built, so this does not compile a second time.
ensureBuilt();
// Two workers for two cores; never in band (see workerIdleMemoryLimit in jest.config.js).
const args = process.argv.slice(2);
const workers = args.some((a) => a.startsWith('--maxWorkers') || a === '-w') ? [] : ['--maxWorkers=2'];
// The console's own unit tests (Vitest, jsdom) first, unless Jest was asked for one project or file only.
const consoleFirst = args.length === 0 ? run('npx', ['vitest', 'run', '-c', 'apps/console/vitest.config.mts']) : 0;
if (consoleFirst !== 0) process.exit(consoleFirst);
process.exit(run('npx', ['jest', ...workers, ...args]));
