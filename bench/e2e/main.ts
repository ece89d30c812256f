// npm run bench:e2e -- <flags>: the cross-service transition of issue #19 (offer submitted -> approvals records the
// request -> head approves -> prospects moves the stage to offer defence) driven through the public API at
// saturation, beside the physical limit of this machine measured in the same run (raw BullMQ no-op jobs/s and the
// database's commit TPS, divided by the jobs and commits one transition costs), then the write-to-effect latency at
// half the achieved rate. The whole system runs as `npm start` runs it (the built launcher, five services) on a
// throw-away database (DATABASE_URL's server, or an embedded PostgreSQL) and, with `--backend redis`, on REDIS_URL
// (default 127.0.0.1:6379) under a queue prefix of its own, whose keys it deletes afterwards (never a FLUSH).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { installQueueBackend, queueSettings } from '@dealgate/messaging';
import { ChaosSystem } from '../../tools/chaos/system';
import { throwAwayDatabase } from '../support/throw-away-database';
import { ApiClient } from './api-client';
import { commitsPerSecond, rawBullmqJobsPerSecond } from './baselines';
import { STATS_SETTLE_MS, commitsBetween, jobsSince, mark } from './cost';
import { E2eOptions, E2E_USAGE, parseE2eOptions } from './options';
import { SaturationRun, e2eReport } from './report';
import { E2E_ADMIN, copyTemplate, setUpCompany, walkTemplateDeal } from './seed';
import { EffectWatcher, paced, saturate } from './transitions';

const log = (line: string) => process.stderr.write(`[bench:e2e ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const IDLE_WINDOW_MS = 12_000;

/** What every service gets: the run's stores and secrets, production timings, limits out of the bench's way. */
function serviceEnv(databaseUrl: string, redisUrl: string | undefined, prefix: string): Record<string, string> {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    PII_KEY: randomBytes(48).toString('base64url'),
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    LOGIN_RATE_LIMIT: '100000',
    LOGIN_ADDRESS_RATE_LIMIT: '100000',
    API_RATE_LIMIT: '100000000',
    // Request and job logs as in production; they go to the launcher's log file.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    LOG_FORMAT: 'json',
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Deletes the run's keys from the machine's Redis (SCAN + UNLINK under the run's prefix; never a FLUSH). */
async function deleteRedisKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = nextCursor;
      if (keys.length) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

async function run(options: E2eOptions): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'dealgate-bench-e2e-'));
  const prefix = `bench-e2e-${Date.now()}`;
  const redisUrl = options.backend === 'redis' ? (process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined;
  const database = await throwAwayDatabase('dealgate_bench_e2e');
  const databaseKind = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).host : 'embedded';
  const system = new ChaosSystem(root, serviceEnv(database.url, redisUrl, prefix), log);
  const db = new Client({ connectionString: database.url });
  const poller = new Client({ connectionString: database.url });
  let api: ApiClient | undefined;
  try {
    log(`backend ${options.backend}, database ${databaseKind}; starting the system (logs under ${root})`);
    await system.start(1);
    await db.connect();
    await poller.connect();
    api = new ApiClient(system.gatewayUrls[0], options.concurrency * 2 + 8);
    const people = await setUpCompany(api, db);
    const template = await walkTemplateDeal(api, people);
    const company = { head: people.head, seller: people.seller };
    const prepared = await copyTemplate(db, template, options.runs * options.offers, 'a');
    log(`${prepared.length} offers prepared from a template deal walked through the API`);

    const settings = queueSettings({ DATABASE_URL: database.url, REDIS_URL: redisUrl, QUEUE_PREFIX: prefix });
    await installQueueBackend(settings, database.url);
    await sleep(3000); // the seeding's jobs (directory copies, the template's approvals) settle
    const idleFrom = await mark(db);
    await sleep(IDLE_WINDOW_MS);
    const idleTo = await mark(db);
    const idleCommitsPerSecond = commitsBetween(idleFrom, idleTo) / (IDLE_WINDOW_MS / 1000);

    const runs: SaturationRun[] = [];
    const errors: string[] = [];
    let jobsByName: Record<string, number> = {};
    for (let r = 0; r < options.runs; r++) {
      const rawJobsPerSecond = await rawBullmqJobsPerSecond(settings, `${prefix}-raw`, options.rawJobs);
      const tps = await commitsPerSecond(database.url, options.tpsClients, options.tpsSeconds);
      await sleep(1500);
      const offers = prepared.slice(r * options.offers, (r + 1) * options.offers);
      const watcher = new EffectWatcher(poller, options.pollMs);
      const before = await mark(db);
      watcher.start();
      const phase = await saturate(api, watcher, company, offers, options.concurrency);
      await watcher.stop();
      // The jobs the last transitions set off finish, and every backend's statistics reach pg_stat_database.
      const settleStarted = performance.now();
      await sleep(STATS_SETTLE_MS);
      const after = await mark(db);
      const settleSeconds = (performance.now() - settleStarted) / 1000;
      const jobs = await jobsSince(db, before.at);
      const transitions = phase.done.length;
      const commits = commitsBetween(before, after) - watcher.queries - idleCommitsPerSecond * settleSeconds;
      errors.push(...phase.errors);
      jobsByName = Object.fromEntries(Object.entries(jobs.byName).map(([k, v]) => [k, v / transitions]));
      runs.push({
        rawJobsPerSecond,
        commitsPerSecond: tps,
        transitions,
        errors: phase.errors.length,
        transitionsPerSecond: (transitions / phase.ms) * 1000,
        jobsPerTransition: jobs.total / transitions,
        commitsPerTransition: commits / transitions,
      });
      const last = runs[runs.length - 1];
      log(
        `run ${r + 1}: raw ${last.rawJobsPerSecond.toFixed(0)} jobs/s, ${tps.toFixed(0)} commits/s; ` +
          `${transitions} transitions at ${last.transitionsPerSecond.toFixed(1)}/s, ` +
          `${last.jobsPerTransition.toFixed(2)} jobs and ${last.commitsPerTransition.toFixed(1)} commits each` +
          (phase.errors.length ? `; ${phase.errors.length} failed` : ''),
      );
    }

    const achieved = [...runs.map((r) => r.transitionsPerSecond)].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
    const perSecond = Math.max(0.5, achieved / 2);
    const pacedOffers = await copyTemplate(db, template, Math.ceil(perSecond * options.latencySeconds), 'b');
    log(`write to effect: ${pacedOffers.length} transitions at ${perSecond.toFixed(1)}/s`);
    await sleep(2000);
    const watcher = new EffectWatcher(poller, options.pollMs);
    watcher.start();
    const latency = await paced(api, watcher, company, pacedOffers, perSecond);
    await watcher.stop();
    errors.push(...latency.errors);

    process.stdout.write(
      `${e2eReport({
        backend: options.backend === 'redis' ? 'Redis' : "BullMQ's PostgreSQL backend",
        database: databaseKind,
        offers: options.offers,
        concurrency: options.concurrency,
        tpsClients: options.tpsClients,
        rawJobs: options.rawJobs,
        idleCommitsPerSecond,
        runs,
        jobsByName,
        paced: {
          perSecond,
          transitions: latency.done.length,
          errors: latency.errors.length,
          pollMs: options.pollMs,
          times: latency.done,
        },
        firstErrors: [...new Set(errors)].slice(0, 3),
      })}\n`,
    );
  } finally {
    api?.close();
    await system.stop().catch((e: unknown) => log(`stopping the system: ${String(e)}`));
    await db.end().catch(() => undefined);
    await poller.end().catch(() => undefined);
    await database.drop().catch((e: unknown) => log(`dropping the database: ${String(e)}`));
    if (redisUrl) log(`deleted ${await deleteRedisKeys(redisUrl, prefix)} keys under ${prefix} from Redis`);
    if (options.keep) log(`the launcher's log is kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

let options: E2eOptions;
try {
  options = parseE2eOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${E2E_USAGE}\n`);
  process.exit(2);
}
run(options).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
