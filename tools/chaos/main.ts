// npm run chaos -- <flags>: starts the whole system as `npm start` does (the built launcher and services) on its
// own database and queue store, walks deals through the public API while killing services, wiping the queue store
// and breaking the database, then checks in PostgreSQL that every effect happened exactly once. See docs/chaos.md.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChaosApi } from './api';
import { checkEffects } from './checks';
import { CHAOS_ADMIN, WebhookReceiver, setUpCompany } from './company';
import { DealDriver, DealRecord } from './deal-driver';
import { FaultInjector } from './faults';
import { ChaosOptions, USAGE, parseChaosOptions } from './options';
import { printSummary, summarize } from './report';
import { ChaosDatabase, ChaosRedis } from './stores';
import { ChaosSystem, freePort } from './system';

const log = (line: string) => process.stdout.write(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What every service process gets: the run's stores and secrets, and timings fast enough for a short run. */
function serviceEnv(db: ChaosDatabase, redis: ChaosRedis | undefined): Record<string, string> {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const env: Record<string, string | undefined> = {
    ...inherited,
    DATABASE_URL: db.url,
    REDIS_URL: redis?.url,
    QUEUE_PREFIX: 'chaos',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    PII_KEY: randomBytes(48).toString('base64url'),
    ADMIN_EMAIL: CHAOS_ADMIN.email,
    ADMIN_PASSWORD: CHAOS_ADMIN.password,
    LOGIN_RATE_LIMIT: '100000',
    LOGIN_ADDRESS_RATE_LIMIT: '100000',
    API_RATE_LIMIT: '1000000',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    // The run's webhook receiver listens on 127.0.0.1.
    WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    WEBHOOK_DISABLE_AFTER: '1000',
    JOB_ATTEMPTS: '8',
    JOB_BACKOFF_MS: '500',
    // A job whose process was killed mid-handler is taken up again within ~10 s (BullMQ's default lock: ~60 s).
    JOB_LOCK_MS: '5000',
    SWEEP_CHECK_MS: '5000',
    QUEUE_STORE_CHECK_MS: '2000',
    MAIL_SWEEP_MS: '1000',
    MAIL_BACKOFF_MS: '1000',
    MAIL_LEASE_MS: '15000',
    WEBHOOK_SWEEP_MS: '1000',
    WEBHOOK_BACKOFF_MS: '1000',
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

/** Deals start spread over the first two thirds of the window, so faults land on every stage of them. */
async function driveDeals(options: ChaosOptions, driver: DealDriver): Promise<DealRecord[]> {
  const records: DealRecord[] = Array.from({ length: options.deals }, (_, index) => ({ index }));
  const gapMs = (options.durationSec * 1000 * 2) / 3 / options.deals;
  await Promise.all(
    records.map(async (record) => {
      await sleep(record.index * gapMs);
      try {
        await driver.walk(record);
        log(`deal ${record.index}: contract case open`);
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error);
        log(`deal ${record.index} stopped: ${record.error}`);
      }
    }),
  );
  return records;
}

async function run(options: ChaosOptions): Promise<boolean> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'dealgate-chaos-'));
  log(`seed ${options.seed}; logs and data under ${root}`);
  const db = await ChaosDatabase.open(root, process.env.DATABASE_URL, log);
  const redis = options.backend === 'redis' ? await ChaosRedis.start(await freePort(), root) : undefined;
  const receiver = new WebhookReceiver();
  await receiver.start();
  const system = new ChaosSystem(root, serviceEnv(db, redis), log);
  const cleanUp = async () => {
    await system.stop().catch(() => undefined);
    await receiver.stop().catch(() => undefined);
    await redis?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    if (!options.keep) {
      rmSync(root, { recursive: true, force: true });
      if (db.filesDir) rmSync(db.filesDir, { recursive: true, force: true });
    }
  };
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => void cleanUp().then(() => process.exit(code)));
  }
  try {
    await system.start(options.replicas);
    const api = new ChaosApi(system.gatewayUrls);
    api.onSlow = (line) => log(`slow: ${line}`);
    const company = await setUpCompany(api, db, receiver.url);
    log(`company ready; ${options.deals} deals over ${options.durationSec} s with faults`);
    const faults = new FaultInjector(options, system, db, redis, log);
    const runId = randomBytes(3).toString('hex');
    const driver = new DealDriver(
      api,
      company,
      (service) => faults.afterWrite(service),
      runId,
      (line) => log(`slow: ${line}`),
    );
    const [records] = await Promise.all([driveDeals(options, driver), faults.run()]);
    log('faults over and deals walked: waiting for the system to drain');
    const deadline = faults.figures.lastFaultAt + options.drainTimeoutSec * 1000;
    await system.waitHealthy(Math.max(1000, deadline - Date.now())).catch((e: unknown) => log(String(e)));
    let checks = await checkEffects(db, records, receiver);
    let drainedAt: number | undefined;
    let toldAt = Date.now();
    while (Date.now() < deadline) {
      if (checks.findings.length === 0) {
        drainedAt = Date.now();
        break;
      }
      // What is still missing, every 10 s: a run that never drains says what it was waiting for.
      if (Date.now() - toldAt >= 10_000) {
        toldAt = Date.now();
        log(`still draining: ${checks.findings.map((f) => `${f.kind} ${f.count} ${f.what}`).join('; ')}`);
      }
      await sleep(1000);
      checks = await checkEffects(db, records, receiver);
    }
    // Once more after a pause: a late duplicate (a redelivery still in flight) would show now.
    await sleep(5000);
    checks = await checkEffects(db, records, receiver);
    const summary = summarize(options, faults.figures, checks, {
      dealsCompleted: records.filter((r) => r.contractCaseId).length,
      dealErrors: records.flatMap((r) => (r.error ? [`deal ${r.index}: ${r.error}`] : [])),
      apiRetries: api.retries,
      answersLost: driver.answersLost,
      drainSeconds: drainedAt === undefined ? null : Math.round((drainedAt - faults.figures.lastFaultAt) / 100) / 10,
      runSeconds: Math.round((Date.now() - started) / 1000),
    });
    printSummary(summary, (line) => process.stdout.write(`${line}\n`));
    log(
      options.keep ? `the run's logs and data are kept in ${root}` : 'run again with --keep to keep its logs and data',
    );
    return summary.ok;
  } finally {
    await cleanUp();
  }
}

let options: ChaosOptions;
try {
  options = parseChaosOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
  process.exit(2);
}
run(options).then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    log(`chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
