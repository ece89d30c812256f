// npm run bench:footprint: starts the embedded system as `npm start` does (the built launcher, embedded PostgreSQL,
// the five services; throw-away data folder and free ports), lets it settle for BENCH_SETTLE_SECONDS (20), then over
// BENCH_IDLE_SECONDS (30) with nothing happening measures every process of the tree: summed RSS and PSS (from
// /proc/<pid>/smaps_rollup), CPU as a share of one core, and commits/s (pg_stat_database xact_commit, all
// databases), beside the goals of issue #19.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CLOCK_TICKS, ProcessSample, processLabel, processTree } from './proc';
import { LaunchedSystem, launchSystem } from './launch-system';
import { freePort, sleep } from './wait';

const SETTLE_S = Number(process.env.BENCH_SETTLE_SECONDS ?? 20);
const IDLE_S = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
const GOALS = { rssMb: 600, cpuPct: 2, commitsPerS: 1 };

async function commits(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('SELECT sum(xact_commit)::bigint AS n FROM pg_stat_database');
    return Number(rows[0].n);
  } finally {
    await client.end();
  }
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const sum = (ps: ProcessSample[], key: 'rssKb' | 'pssKb') => ps.reduce((total, p) => total + p[key], 0);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dealgate-footprint-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user, who must enter it
  let system: LaunchedSystem | undefined;
  try {
    system = await launchSystem(dataDir, { DATABASE_URL: undefined, EMBEDDED_PG_PORT: String(await freePort()) });
    const runtime = JSON.parse(readFileSync(join(dataDir, 'runtime.json'), 'utf8')) as { databaseUrl: string };
    console.log(`system up; settling ${SETTLE_S} s, then measuring ${IDLE_S} s of idle`);
    await sleep(SETTLE_S * 1000);

    const before = processTree(system.launcher.pid!);
    const commitsBefore = await commits(runtime.databaseUrl);
    const started = performance.now();
    await sleep(IDLE_S * 1000);
    const commitsAfter = await commits(runtime.databaseUrl);
    const seconds = (performance.now() - started) / 1000;
    const after = processTree(system.launcher.pid!);

    const ticksBefore = new Map(before.map((p) => [p.pid, p.cpuTicks]));
    const cpuPct = (p: ProcessSample) =>
      ((p.cpuTicks - (ticksBefore.get(p.pid) ?? p.cpuTicks)) / CLOCK_TICKS / seconds) * 100;
    const rows = after
      .map((p) => ({ label: processLabel(p), rss: p.rssKb, pss: p.pssKb, cpu: cpuPct(p) }))
      .sort((a, b) => b.rss - a.rss);
    console.log(`${'process'.padEnd(62)}${'RSS'.padStart(9)}${'PSS'.padStart(9)}${'CPU'.padStart(8)}`);
    for (const r of rows) {
      console.log(
        `${r.label.padEnd(62)}${mb(r.rss).padStart(9)}${mb(r.pss).padStart(9)}${`${r.cpu.toFixed(2)}%`.padStart(8)}`,
      );
    }
    const rss = sum(after, 'rssKb');
    const totalCpu = rows.reduce((total, r) => total + r.cpu, 0);
    // The second reading's own transaction is not the system's.
    const commitsPerS = (commitsAfter - commitsBefore - 1) / seconds;
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(`processes: ${after.length}`);
    console.log(
      `summed RSS ${mb(rss)} (goal <= ${GOALS.rssMb} MB: ${verdict(rss / 1024 <= GOALS.rssMb)}); summed PSS ${mb(sum(after, 'pssKb'))}`,
    );
    console.log(
      `idle CPU ${totalCpu.toFixed(2)} % of one core over ${seconds.toFixed(0)} s (goal <= ${GOALS.cpuPct} %: ${verdict(totalCpu <= GOALS.cpuPct)})`,
    );
    console.log(
      `idle commits ${commitsPerS.toFixed(2)}/s (goal <= ${GOALS.commitsPerS}/s: ${verdict(commitsPerS <= GOALS.commitsPerS)})`,
    );
  } finally {
    await system?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
