import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RunningPostgres, openServiceDatabase, startEmbeddedPostgres } from '@dealgate/database';
import { FactsRepository } from '../apps/prospects/src/analytics/facts.repository';
import { ReportRepository } from '../apps/prospects/src/analytics/report.repository';
import { PROSPECTS_MIGRATIONS } from '../apps/prospects/src/migrations';
import { PlanRepository } from '../apps/prospects/src/plans/plan.repository';
import * as raw from './raw-log-queries';
import { BENCH_NOW, generateSyntheticFunnel } from './synthetic-funnel';

/**
 * `npm run bench:analytics [prospects]` (or BENCH_PROSPECTS; default 1,000,000): generates a synthetic funnel,
 * then times each analytics report (the service's own repository call, reading the trigger-kept aggregates)
 * next to the plain SQL aggregate over the raw stage-transition log that gives the same answer.
 * Uses DATABASE_URL's server (in a throw-away database) or starts an embedded PostgreSQL.
 */
const ALL = { unitId: null, salespersonId: null, productLineId: null };
const RUNS = 3;

async function database(): Promise<{ url: string; done: () => Promise<void> }> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const root = mkdtempSync(join(tmpdir(), 'dealgate-bench-'));
    console.log('No DATABASE_URL: starting an embedded PostgreSQL…');
    const pg: RunningPostgres = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), database: 'dealgate_bench' });
    return {
      url: pg.url,
      async done() {
        await pg.stop();
        // The cluster is throw-away (as root it may live under /var/tmp/dealgate instead: see pg.dataDir).
        rmSync(root, { recursive: true, force: true });
        if (!pg.dataDir.startsWith(root)) rmSync(pg.dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `dealgate_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async done() {
      if (process.env.BENCH_KEEP) return console.log(`Kept the database ${name}.`);
      const client = new Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = process.hrtime.bigint();
  const result = await work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

/** Median of RUNS warm runs (one untimed run first fills the caches). */
async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(work)).ms);
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? process.env.BENCH_PROSPECTS ?? 1_000_000);
  if (!Number.isInteger(count) || count < 100)
    throw new Error('The number of prospects must be a whole number >= 100.');
  const db = await database();
  let ds: DataSource | undefined;
  try {
    ds = await openServiceDatabase({
      url: db.url,
      schema: 'prospects',
      entities: [],
      migrations: PROSPECTS_MIGRATIONS,
    });
    const manager = ds.manager;
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.query('ALTER TABLE stage_transition DISABLE TRIGGER stage_transition_analytics');
    const gen = await timed(() => generateSyntheticFunnel({ query: (sql) => runner.query(sql) }, count));
    const rebuild = await timed(() => runner.query('SELECT analytics_rebuild()'));
    await runner.query('ALTER TABLE stage_transition ENABLE TRIGGER stage_transition_analytics');
    await runner.query('ANALYZE');
    const [sizes] = await manager.query<{ prospects: string; log: string; daily: string }[]>(
      `SELECT (SELECT count(*) FROM prospect) AS prospects, (SELECT count(*) FROM stage_transition) AS log,
              (SELECT count(*) FROM funnel_daily) AS daily`,
    );
    console.log(
      `Generated ${sizes.prospects} prospects, ${sizes.log} log rows in ${(gen.ms / 1000).toFixed(1)} s; ` +
        `aggregates rebuilt in ${(rebuild.ms / 1000).toFixed(1)} s (${sizes.daily} daily rows).`,
    );

    const reports = new ReportRepository();
    const facts = new FactsRepository();
    const plans = new PlanRepository();
    const now = new Date(BENCH_NOW);
    const quarter = { from: new Date('2026-09-01T00:00:00Z'), to: now };
    const year = { from: new Date('2025-12-01T00:00:00Z'), to: now };
    const month = { from: new Date('2026-11-01T00:00:00Z'), to: now };
    const days = { from: new Date('2026-11-06T00:00:00Z'), to: new Date('2026-11-18T00:00:00Z') };
    const sellers = (await facts.salespeople(manager, null, null)).map((s) => s.userId);
    const seller = { ...ALL, salespersonId: sellers[0] };
    const q = (sql: string, params: unknown[]) => () => manager.query(sql, params);

    const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
      [
        'funnel, quarter, all',
        () => reports.measures(manager, quarter, ALL),
        q(raw.RAW_FUNNEL, [quarter.from, quarter.to]),
      ],
      ['funnel, 12 months, all', () => reports.measures(manager, year, ALL), q(raw.RAW_FUNNEL, [year.from, year.to])],
      [
        'funnel, 6-17 Nov (days only), all',
        () => reports.measures(manager, days, ALL),
        q(raw.RAW_FUNNEL, [days.from, days.to]),
      ],
      [
        'funnel, quarter, one salesperson',
        () => reports.measures(manager, quarter, seller),
        q(raw.RAW_FUNNEL_ONE_SELLER, [quarter.from, quarter.to, sellers[0]]),
      ],
      ['cohorts, 12 months', () => reports.cohortCounts(manager, year, ALL), q(raw.RAW_COHORTS, [year.from, year.to])],
      [
        'time in stage, quarter',
        () => reports.stageTimes(manager, quarter, ALL),
        q(raw.RAW_TIME_IN_STAGE, [quarter.from, quarter.to]),
      ],
      [
        'plan vs fact, quarter, per salesperson',
        () =>
          Promise.all([
            plans.planCounts(manager, { from: '2026-09', to: '2026-11' }, ALL, 'salesperson'),
            plans.factCounts(manager, quarter, ALL, 'salesperson'),
          ]),
        q(raw.RAW_PLAN_FACT, [quarter.from, quarter.to]),
      ],
      [
        'stalled, first page + total',
        () => reports.stalled(manager, now, ALL, { limit: 50, offset: 0 }),
        q(raw.RAW_STALLED, [now]),
      ],
      [
        'norms, one month, all salespeople',
        () => facts.normFacts(manager, month, sellers),
        q(raw.RAW_NORMS, [month.from, month.to]),
      ],
    ];
    console.log(
      `\n${'report'.padEnd(40)} ${'aggregate ms'.padStart(13)} ${'raw log ms'.padStart(11)} ${'ratio'.padStart(8)}`,
    );
    for (const [name, aggregate, plain] of cases) {
      const a = await median(aggregate);
      const r = await median(plain);
      console.log(
        `${name.padEnd(40)} ${a.toFixed(1).padStart(13)} ${r.toFixed(1).padStart(11)} ${`${(r / a).toFixed(1)}x`.padStart(8)}`,
      );
    }

    // Same answer both ways (reached per stage over the quarter).
    const agg = (await reports.measures(manager, quarter, ALL)).filter((m) => m.measure === 'reached');
    const plain = (
      await manager.query<{ measure: string; stage: string; count: string }[]>(raw.RAW_FUNNEL, [
        quarter.from,
        quarter.to,
      ])
    ).filter((m) => m.measure === 'reached');
    const same =
      agg.every((m) => plain.some((p) => p.stage === m.stage && Number(p.count) === m.count)) &&
      agg.length === plain.length;
    console.log(`\nAggregate and raw-log funnel agree: ${same ? 'yes' : 'NO'}`);

    // Cost of keeping the aggregates: appending log rows with the trigger on, against off.
    const append = (n: number, offset: number) =>
      runner.query(
        `INSERT INTO stage_transition (prospect_id, event_kind, from_stage, to_stage, from_status, to_status, at, product_line_id, unit_id, owner_id)
         SELECT id, 'reopened', stage, stage, 'lost', 'active', now(), product_line_id, unit_id, owner_id
         FROM prospect WHERE status = 'lost' ORDER BY id LIMIT ${n} OFFSET ${offset}`,
      );
    const n = Math.min(5000, Math.floor(count / 20));
    await runner.query('ALTER TABLE stage_transition DISABLE TRIGGER stage_transition_analytics');
    const off = await timed(() => append(n, 0));
    await runner.query('ALTER TABLE stage_transition ENABLE TRIGGER stage_transition_analytics');
    const on = await timed(() => append(n, n));
    console.log(
      `Appending ${n} log rows: ${((off.ms * 1000) / n).toFixed(0)} µs/row without the trigger, ` +
        `${((on.ms * 1000) / n).toFixed(0)} µs/row with it.`,
    );
    await runner.release();
  } finally {
    await ds?.destroy();
    await db.done();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
