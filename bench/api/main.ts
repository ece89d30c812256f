// npm run bench:api: GET /api/prospects?limit=50 for a salesperson owning BENCH_PROSPECTS (3,000) prospects, through
// the gateway, directly on the prospects service, and on a bare NestJS endpoint running the same SQL through the
// same pool, at 50 and 200 keep-alive connections (BENCH_SECONDS each, after a 1 s warm-up). The gateway and the
// prospects service (with the bare endpoint) run in child processes as `npm start` runs them; the load comes from
// this one. Uses DATABASE_URL's server (a throw-away database) or starts an embedded PostgreSQL.
import { ChildProcess, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { throwAwayDatabase } from '../support/throw-away-database';
import { BENCH_ADMIN, seedSalesperson } from './seed';
import { LoadResult, runLoad } from './load';
import type { ServiceProcessReady } from './service-process';
import { apiReport } from './report';

const PROSPECTS = Number(process.env.BENCH_PROSPECTS ?? 3000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = [50, 200];
const SECRET = 'bench-secret-0123456789abcdef0123456789abcdef';
const PII_KEY = 'bench-pii-key-0123456789abcdef0123456789';

function startChild(
  role: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; ready: ServiceProcessReady }> {
  const child = fork(join(__dirname, `service-process${extname(__filename)}`), [role], {
    env: { ...process.env, BENCH_ENV: JSON.stringify(env) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready: ServiceProcessReady) => resolve({ child, ready }));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code} before it was ready`)));
  });
}

async function main(): Promise<void> {
  const db = await throwAwayDatabase('dealgate_bench_api');
  const children: ChildProcess[] = [];
  try {
    const env = {
      DATABASE_URL: db.url,
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      QUEUE_PREFIX: `bench-api-${Date.now()}`,
      JWT_SECRET: SECRET,
      PII_KEY,
      HOST: '127.0.0.1',
      PORT: '0',
      // Request logs as in production; the children's stdout goes nowhere.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ADMIN_EMAIL: BENCH_ADMIN.email,
      ADMIN_PASSWORD: BENCH_ADMIN.password,
      API_RATE_LIMIT: '100000000',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    };
    const prospects = await startChild('prospects', env);
    children.push(prospects.child);
    const to = prospects.ready.url;
    const gateway = await startChild('gateway', {
      ...env,
      PROSPECTS_URL: to,
      APPROVALS_URL: to,
      CONTRACTS_URL: to,
      NOTIFICATIONS_URL: to,
    });
    children.push(gateway.child);
    const seller = await seedSalesperson(gateway.ready.url, db.url, PROSPECTS);
    const auth = { authorization: `Bearer ${seller.token}` };
    const targets = {
      gateway: { url: `${gateway.ready.url}/api/prospects?limit=50`, headers: auth },
      direct: { url: `${to}/api/prospects?limit=50`, headers: auth },
      bare: { url: `${prospects.ready.bareUrl}/bare/prospects?limit=50&owner=${seller.userId}`, headers: {} },
    };
    const results: Record<string, Record<number, LoadResult>> = { gateway: {}, direct: {}, bare: {} };
    for (const connections of CONNECTIONS) {
      for (const [name, target] of Object.entries(targets)) {
        results[name][connections] = await runLoad({ ...target, connections, durationMs: SECONDS * 1000 });
      }
    }
    console.log(
      apiReport({ prospects: PROSPECTS, seconds: SECONDS, backend: env.REDIS_URL ? 'redis' : 'postgres', results }),
    );
  } finally {
    for (const child of children) child.disconnect();
    await Promise.all(
      children.map((child) => new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))),
    );
    await db.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
