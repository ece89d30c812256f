// npm run bench:idle-commits: the idle system of bench:footprint,
// but on a PostgreSQL of its own that logs every statement (log_statement=all, logging collector), so it can say WHO
// commits when nothing happens. The services run as `npm start` runs them, in served mode against that database
// (DATABASE_URL set, no REDIS_URL: BullMQ's PostgreSQL backend, as in embedded mode). After the settle it reads the
// statements of the idle window and counts transactions per client process (the backend's client port, found in
// /proc/net/tcp and the processes' socket inodes) and per statement: a statement outside BEGIN is one transaction,
// a BEGIN..COMMIT block is one.
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@dealgate/database';
import { processLabel, processTree } from './proc';
import { LaunchedSystem, launchSystem } from './launch-system';
import { freePort, sleep } from './wait';

const SETTLE_S = Number(process.env.BENCH_SETTLE_SECONDS ?? 20);
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 30);

const LOG_SETTINGS: Record<string, string> = {
  logging_collector: 'on',
  log_directory: 'log',
  log_filename: 'statements.log',
  log_statement: 'all',
  log_connections: 'on',
  log_autovacuum_min_duration: '0',
  // time, backend pid, client host(port), transaction id
  log_line_prefix: '%m [%p] %r ',
};

async function sql(url: string, text: string): Promise<{ [key: string]: unknown }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as { [key: string]: unknown }[];
  } finally {
    await client.end();
  }
}

/** Local TCP port -> socket inode, from /proc/net/tcp (IPv4; the services connect to 127.0.0.1). */
function socketInodesByLocalPort(): Map<number, string> {
  const map = new Map<number, string>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    map.set(parseInt(fields[1].split(':')[1], 16), fields[9]);
  }
  return map;
}

/** Socket inode -> pid, for the given processes. */
function socketOwners(pids: number[]): Map<string, number> {
  const owners = new Map<string, number>();
  for (const pid of pids) {
    let fds: string[] = [];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode) owners.set(inode, pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return owners;
}

interface Tally {
  transactions: number;
  statements: Map<string, number>;
}

/**
 * Counts transactions per client port (the `%r` of the log line prefix) and, within them, the statement that opened
 * each (or the lone statement).
 */
export function tallyTransactions(lines: string[]): Map<number, Tally> {
  const open = new Map<number, string>();
  const tallies = new Map<number, Tally>();
  const count = (pid: number, what: string) => {
    const tally = tallies.get(pid) ?? { transactions: 0, statements: new Map() };
    tally.transactions += 1;
    tally.statements.set(what, (tally.statements.get(what) ?? 0) + 1);
    tallies.set(pid, tally);
  };
  for (const line of lines) {
    const match = /\[\d+\] [\d.]+\((\d+)\) LOG:\s+(?:statement|execute [^:]*): (.*)$/.exec(line);
    if (!match) continue;
    const pid = Number(match[1]);
    const text = match[2].replace(/\s+/g, ' ').trim();
    const keyword = text.split(' ')[0].toUpperCase().replace(/;$/, '');
    if (keyword === 'BEGIN' || keyword === 'START') {
      open.set(pid, '');
    } else if (keyword === 'COMMIT' || keyword === 'ROLLBACK' || keyword === 'END') {
      count(pid, `BEGIN; ${open.get(pid) || '?'} ...`);
      open.delete(pid);
    } else if (open.has(pid)) {
      if (!open.get(pid)) open.set(pid, text.slice(0, 110));
    } else {
      count(pid, text.slice(0, 110));
    }
  }
  return tallies;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealgate-who-commits-'));
  chmodSync(dataDir, 0o755);
  const pgDir = join(dataDir, 'pg');
  const first = await startEmbeddedPostgres({ dataDir: pgDir, port: await freePort() });
  for (const [name, value] of Object.entries(LOG_SETTINGS)) {
    await sql(first.url, `ALTER SYSTEM SET ${name} = '${value.replace(/'/g, "''")}'`);
  }
  await first.stop();
  const postgres = await startEmbeddedPostgres({ dataDir: pgDir, port: first.port, removeDataOnStop: true });
  const logFile = join(postgres.dataDir, 'log', 'statements.log');
  let system: LaunchedSystem | undefined;
  try {
    system = await launchSystem(dataDir, { DATABASE_URL: postgres.url });
    console.log(`system up; settling ${SETTLE_S} s, then logging ${IDLE_S} s of idle`);
    await sleep(SETTLE_S * 1000);
    const commitsSql = 'SELECT datname, xact_commit::bigint AS n FROM pg_stat_database WHERE datname IS NOT NULL';
    const commitsBefore = await sql(postgres.url, commitsSql);
    const from = statSync(logFile).size;
    // Which process holds each client port: sampled through the window, as pools open and close connections.
    const tree = processTree(system.launcher.pid!);
    const labels = new Map(tree.map((p) => [p.pid, processLabel(p)]));
    const portOwner = new Map<number, string>();
    const sample = () => {
      const owners = socketOwners(tree.map((p) => p.pid));
      for (const [port, inode] of socketInodesByLocalPort()) {
        const owner = owners.get(inode);
        if (owner) portOwner.set(port, labels.get(owner) ?? `pid ${owner}`);
      }
    };
    const sampler = setInterval(sample, 200);
    await sleep(IDLE_S * 1000);
    clearInterval(sampler);
    sample();
    const text = readFileSync(logFile, 'utf8').slice(from);
    if (process.env.BENCH_KEEP_LOG) writeFileSync(process.env.BENCH_KEEP_LOG, text);
    const lines = text.split('\n');
    const ownerOf = (port: number): string => portOwner.get(port) ?? `client port ${port} (not seen)`;

    const byOwner = new Map<string, Map<string, number>>();
    let total = 0;
    for (const [pid, tally] of tallyTransactions(lines)) {
      const statements = byOwner.get(ownerOf(pid)) ?? new Map<string, number>();
      for (const [what, n] of tally.statements) statements.set(what, (statements.get(what) ?? 0) + n);
      byOwner.set(ownerOf(pid), statements);
      total += tally.transactions;
    }
    // Statistics of idle backends reach pg_stat_database up to 10 s late (so the window shifts a little).
    const commitsAfter = await sql(postgres.url, commitsSql);
    const byDatabase = commitsAfter.map((row) => {
      const before = commitsBefore.find((b) => b.datname === row.datname);
      return `${String(row.datname)} ${Number(row.n) - Number(before?.n ?? 0)}`;
    });
    const connections = lines.filter((line) => line.includes('connection authorized')).length;
    const autovacuum = lines.filter((line) => /automatic (vacuum|analyze)/.test(line)).length;
    console.log(`xact_commit deltas by database: ${byDatabase.join(', ')} (the two readings are 2 of them)`);
    console.log(`connections opened: ${connections}; autovacuum/analyze runs: ${autovacuum}`);
    console.log(`transactions in ${IDLE_S} s of idle: ${total} (${(total / IDLE_S).toFixed(2)}/s)`);
    for (const [owner, statements] of [...byOwner].sort()) {
      const n = [...statements.values()].reduce((a, b) => a + b, 0);
      console.log(`\n${owner}: ${n} (${(n / IDLE_S).toFixed(2)}/s)`);
      for (const [what, k] of [...statements].sort((a, b) => b[1] - a[1])) {
        console.log(`  ${String(k).padStart(5)}  ${what}`);
      }
    }
  } finally {
    await system?.stop();
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
