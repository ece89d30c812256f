import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { RunningPostgres, startEmbeddedPostgres } from '@dealgate/database';
import { freePort } from './system';

// The stores a chaos run breaks: its own PostgreSQL (unless DATABASE_URL names a server) and, on the Redis backend,
// its own redis-server on a free port, never the machine's 6379.

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end().catch(() => undefined);
  }
}

export class ChaosDatabase {
  private constructor(
    /** The run's own database on the server. */
    readonly url: string,
    private embedded: RunningPostgres | undefined,
    /** The folder asked for (as root the files may live elsewhere: `embedded.dataDir`). */
    private readonly dataDir: string,
    private readonly log: (line: string) => void,
  ) {}

  /** A fresh database for the run: on DATABASE_URL's server when set, else on an embedded PostgreSQL the run owns. */
  static async open(root: string, serverUrl: string | undefined, log: (line: string) => void): Promise<ChaosDatabase> {
    const dataDir = join(root, 'pg');
    // A port the kernel hands out, not the first free one from 54329 up: while a restart has the server down, another
    // embedded PostgreSQL (npm start in a test running beside this) scanning from 54329 would take its port.
    const embedded = serverUrl
      ? undefined
      : await startEmbeddedPostgres({ dataDir, database: 'postgres', port: await freePort() });
    const server = new URL(serverUrl ?? embedded!.url);
    const name = `dealgate_chaos_${Date.now()}`;
    await query(server.toString(), `CREATE DATABASE ${name}`);
    server.pathname = `/${name}`;
    return new ChaosDatabase(server.toString(), embedded, dataDir, log);
  }

  /** A restart needs the server to be ours. */
  get owned(): boolean {
    return this.embedded !== undefined;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return query<T>(this.url, sql, params);
  }

  /** Ends every other connection to the run's database: the services' pools and BullMQ's, mid-flight. */
  async terminateConnections(): Promise<number> {
    const rows = await this.query<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows.length;
  }

  /** Stops the embedded server (fast shutdown: open transactions roll back) and starts it again on the same port. */
  async restart(downMs: number): Promise<void> {
    if (!this.embedded) throw new Error('the database is not the chaos run’s own: it cannot restart it');
    const port = this.embedded.port;
    await this.embedded.stop();
    await new Promise((r) => setTimeout(r, downMs));
    this.embedded = await startEmbeddedPostgres({ dataDir: this.dataDir, port, database: 'postgres' });
    this.log(`database restarted on port ${port}`);
  }

  /** BullMQ's PostgreSQL backend keeps the queues in schema `bullmq`: emptying its tables loses every job. */
  async wipeQueueSchema(): Promise<void> {
    const tables = await this.query<{ name: string }>(
      `SELECT quote_ident(table_name) AS name FROM information_schema.tables
        WHERE table_schema = 'bullmq' AND table_type = 'BASE TABLE' AND table_name NOT ILIKE '%migration%'`,
    );
    if (tables.length === 0) return;
    // TRUNCATE takes every table's lock at once and can deadlock with a worker's transaction: PostgreSQL then
    // aborts one side, so try again (the wipe must happen, the test counts it).
    for (let attempt = 1; ; attempt++) {
      try {
        await this.query(`TRUNCATE ${tables.map((t) => `bullmq.${t.name}`).join(', ')} CASCADE`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      }
    }
  }

  /** Where the files really are, for the run's clean-up. */
  get filesDir(): string | undefined {
    return this.embedded?.dataDir;
  }

  async close(): Promise<void> {
    await this.embedded?.stop();
  }
}

/** A redis-server of the run's own, without persistence, so a restart comes back empty like a lost store. */
export class ChaosRedis {
  private child: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(port: number, dir: string): Promise<ChaosRedis> {
    const redis = new ChaosRedis(port, dir);
    await redis.spawn();
    return redis;
  }

  private async spawn(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    const child = spawn('redis-server', [...args, '--maxmemory-policy', 'noeviction', '--dir', this.dir], {
      stdio: 'ignore',
    });
    this.child = child;
    await new Promise<void>((done, fail) => {
      child.once('error', fail);
      const started = Date.now();
      const poll = () =>
        void this.command('PING').then(
          () => done(),
          () => (Date.now() - started > 10_000 ? fail(new Error('redis-server did not start')) : setTimeout(poll, 100)),
        );
      poll();
    });
  }

  async command(...args: string[]): Promise<unknown> {
    const { Redis } = await import('ioredis');
    const client = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0 });
    // A refused connection (the server still starting) is the rejected connect below, not an unhandled event.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await client.call(args[0], ...args.slice(1));
    } finally {
      client.disconnect();
    }
  }

  async flushAll(): Promise<void> {
    await this.command('FLUSHALL');
  }

  /** SIGKILL and start again: nothing persisted, so the store comes back empty. */
  async restartEmpty(downMs: number): Promise<void> {
    await this.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, downMs));
    await this.spawn();
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill(signal);
    await exited;
  }
}
