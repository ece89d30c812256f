import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { RunningPostgres, startEmbeddedPostgres } from '@dealgate/database';
import { installQueueBackend, queueSettings } from '@dealgate/messaging';
import { ChildSpec, Supervisor } from './supervisor';

const env = process.env;
const log = (line: string) => process.stdout.write(`[dealgate] ${line}\n`);

const SERVICES = [
  { name: 'prospects', portVar: 'PROSPECTS_PORT', port: 3001, urlVar: 'PROSPECTS_URL' },
  { name: 'approvals', portVar: 'APPROVALS_PORT', port: 3002, urlVar: 'APPROVALS_URL' },
  { name: 'contracts', portVar: 'CONTRACTS_PORT', port: 3003, urlVar: 'CONTRACTS_URL' },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT', port: 3004, urlVar: 'NOTIFICATIONS_URL' },
] as const;

/** A secret kept in the data folder, made on first start, so tokens survive restarts in embedded mode. */
function persistentSecret(dataRoot: string, name: string): string {
  const file = join(dataRoot, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * The gateway writes the first admin's generated password to this file once, when it creates that admin; the launcher
 * prints it and deletes the file, so it is shown exactly once.
 */
function printFirstAdminOnce(file: string): void {
  if (!existsSync(file)) return;
  try {
    const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
    log('First start: an admin was created. Log in and change the password (shown only this once):');
    log(`  e-mail:    ${email}`);
    log(`  password:  ${password}`);
  } finally {
    rmSync(file, { force: true });
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (response.status === 200) return true;
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
const supervisor = new Supervisor(log);
let shuttingDown = false;
let runtimeFile: string | undefined;

/** Services first (they finish in-flight jobs), embedded PostgreSQL last. */
async function shutdown(reason: string, exitCode = 0): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  log(`${reason}: stopping the services…`);
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
  const common = { ...env, DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, PII_KEY: piiKey };
  const urls = Object.fromEntries(SERVICES.map((s) => [s.urlVar, `http://127.0.0.1:${env[s.portVar] ?? s.port}`]));
  const specs: ChildSpec[] = [
    ...SERVICES.map((s) => ({
      name: s.name,
      script: join(dist, 'apps', s.name, 'src', 'main.js'),
      env: { ...common, PORT: env[s.portVar] ?? String(s.port) },
    })),
    {
      name: 'gateway',
      script: join(dist, 'apps', 'gateway', 'src', 'main.js'),
      env: {
        ...common,
        ...urls,
        PORT: env.PORT ?? '3000',
        ADMIN_PASSWORD_FILE: env.ADMIN_PASSWORD ? undefined : firstAdminFile,
      },
    },
  ];
  for (const spec of specs) supervisor.start(spec);
  // Lets ops tools (npm run dead-letters) reach the running system, embedded database included.
  runtimeFile = join(dataRoot, 'runtime.json');
  writeFileSync(runtimeFile, JSON.stringify({ databaseUrl, redisUrl: env.REDIS_URL, prefix: queue.prefix }), {
    mode: 0o600,
  });

  const origin = `http://localhost:${env.PORT ?? '3000'}`;
  if (await waitForHealth(`http://127.0.0.1:${env.PORT ?? '3000'}/api/health`, 120_000)) {
    log(`Dealgate is running (${postgres ? 'embedded' : 'served'} mode).`);
    log(`  API:       ${origin}/api`);
    log(`  API docs:  ${origin}/api/docs`);
    log(`  health:    ${origin}/api/health`);
    printFirstAdminOnce(firstAdminFile);
    log('Press Ctrl-C to stop.');
  } else if (!shuttingDown) {
    log(`not healthy yet after 120 s; see the logs above and ${origin}/api/health`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[dealgate] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  void shutdown('start failed', 1);
});
