import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
// The two files it needs, not the libraries' indexes: those load TypeORM, Nest and prom-client, which the launcher
// never uses, and kept its RSS at about 130 MB instead of about 70 (bench:footprint).
import { RunningPostgres, startEmbeddedPostgres } from '../../libs/database/src/embedded/embedded-postgres';
import { installQueueBackend, queueSettings } from '../../libs/messaging/src/queue-backend';
import { serveLauncherHealth } from './health';
import { chooseLogFormat } from './log-view';
import { LauncherOutput } from './output';
import { childSpecs, gatewayPort, launcherPort, publicUrl } from './services';
import { Supervisor } from './supervisor';
import { watchBuild } from './watch';

const env = process.env;
const argv = process.argv.slice(2);
const output = new LauncherOutput(
  chooseLogFormat(env, argv, process.stdout.isTTY === true),
  process.stdout,
  process.stderr,
  process.stdout.isTTY === true && !env.NO_COLOR,
);
const log = (line: string) => output.line(line);
const watchMode = argv.includes('--watch');
// `--skip prospects,contracts`: run the rest, e.g. while one service runs alone under `nest start --watch`.
const skipArg = argv.indexOf('--skip');
const skip = (skipArg >= 0 ? (argv[skipArg + 1] ?? '') : (env.DEALGATE_SKIP ?? '')).split(',').filter(Boolean);

/** A secret kept in the data folder, made on first start, so tokens survive restarts in embedded mode. */
function persistentSecret(dataRoot: string, name: string): string {
  const file = join(dataRoot, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The gateway writes the first admin's generated password to this file once, when it creates that admin; the launcher
 * shows it and deletes the file, so it is shown exactly once.
 */
function firstAdminOnce(file: string): string[] {
  if (!existsSync(file)) return [];
  try {
    const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
    return [
      '',
      'First start: an admin was created. Log in with it and change the password (shown only this once):',
      `  e-mail:    ${email}`,
      `  password:  ${password}`,
    ];
  } finally {
    rmSync(file, { force: true });
  }
}

/** Until /api/health says 200, or (`anyAnswer`, some services skipped) until the gateway answers at all. */
async function waitForHealth(url: string, timeoutMs: number, anyAnswer = false): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200 || anyAnswer) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function checkDatabase(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Cannot connect to DATABASE_URL: ${(error as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let postgres: RunningPostgres | undefined;
const supervisor = new Supervisor(output);
let stopWatching: (() => void) | undefined;
let shuttingDown = false;
let runtimeFile: string | undefined;
let healthServer: Server | undefined;

/** Services first (they finish in-flight jobs), embedded PostgreSQL last. */
async function shutdown(reason: string, exitCode = 0): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  stopWatching?.();
  log(`${reason}: stopping the services…`);
  healthServer?.close();
  await supervisor.stopAll();
  if (runtimeFile) rmSync(runtimeFile, { force: true });
  if (postgres) {
    log('stopping embedded PostgreSQL…');
    await postgres.stop();
  }
  log('stopped.');
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const dataRoot = resolve(env.DEALGATE_DATA_DIR ?? 'var');
  mkdirSync(dataRoot, { recursive: true });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    log(`embedded mode: no DATABASE_URL, starting PostgreSQL with its data under ${join(dataRoot, 'pg')}`);
    postgres = await startEmbeddedPostgres({
      dataDir: join(dataRoot, 'pg'),
      port: env.EMBEDDED_PG_PORT ? Number(env.EMBEDDED_PG_PORT) : undefined,
      log: (line) => line && log(`postgres: ${line.split('\n')[0]}`),
    });
    databaseUrl = postgres.url;
  } else {
    await checkDatabase(databaseUrl);
  }
  if (shuttingDown) return;
  const queue = queueSettings({
    DATABASE_URL: databaseUrl,
    REDIS_URL: env.REDIS_URL,
    QUEUE_PREFIX: env.QUEUE_PREFIX ?? 'bull',
  });
  // Apply BullMQ's own schema once here, so five services booting together do not all queue on its lock.
  await installQueueBackend(queue, databaseUrl);
  log(`queue backend: ${queue.kind === 'redis' ? 'Redis' : "BullMQ's PostgreSQL backend"}`);

  const jwtSecret = env.JWT_SECRET ?? persistentSecret(dataRoot, 'jwt-secret');
  const piiKey = env.PII_KEY ?? persistentSecret(dataRoot, 'pii-key');
  const dist = resolve(__dirname, '..', '..');
  const firstAdminFile = join(dataRoot, 'first-admin.json');
  const specs = childSpecs({ env, dist, databaseUrl, jwtSecret, piiKey, firstAdminFile, skip });
  if (skip.length > 0) log(`not starting ${skip.join(', ')} (--skip / DEALGATE_SKIP)`);
  for (const spec of specs) supervisor.start(spec);
  const ownPort = launcherPort(env);
  if (ownPort > 0) healthServer = serveLauncherHealth(ownPort, () => supervisor.states(), log);
  // Lets ops tools (npm run dead-letters) reach the running system, embedded database included.
  runtimeFile = join(dataRoot, 'runtime.json');
  writeFileSync(runtimeFile, JSON.stringify({ databaseUrl, redisUrl: env.REDIS_URL, prefix: queue.prefix }), {
    mode: 0o600,
  });

  if (watchMode) {
    stopWatching = watchBuild(
      dist,
      specs.map((spec) => spec.name),
      (names) => {
        log(`files changed: restarting ${names.join(', ')}`);
        names.forEach((name) => supervisor.restart(name));
      },
    );
  }

  const origin = publicUrl(env);
  const port = gatewayPort(env);
  if (
    skip.includes('gateway') ||
    (await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000, skip.length > 0))
  ) {
    output.block([
      `Dealgate is running (${postgres ? 'embedded' : 'served'} mode${watchMode ? ', watching the build' : ''}).`,
      `  console:   ${origin}/`,
      `  API docs:  ${origin}/api/docs`,
      `  API:       ${origin}/api`,
      `  health:    ${origin}/api/health`,
      ...(ownPort > 0 ? [`  launcher:  http://127.0.0.1:${ownPort}/health (each service's state and restarts)`] : []),
      ...(skip.length > 0 ? [`  not started here: ${skip.join(', ')} (health answers 503 until they run)`] : []),
      ...firstAdminOnce(firstAdminFile),
      '',
      output.format === 'pretty'
        ? 'Showing warnings and errors only (full JSON logs: npm start -- --json). Press Ctrl-C to stop.'
        : 'Press Ctrl-C to stop.',
    ]);
  } else if (!shuttingDown) {
    log(`not healthy yet after 120 s; see the logs above and ${origin}/api/health`);
  }
}

main().catch((error: unknown) => {
  log(`failed to start: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown('start failed', 1);
});
