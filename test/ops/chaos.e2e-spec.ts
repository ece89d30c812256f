import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

interface Summary {
  ok: boolean;
  lost: number;
  duplicated: number;
  stuck: number;
  kills: number;
  wipes: number;
  dbRestarts: number;
  dealsCompleted: number;
  deals: number;
  drainSeconds: number | null;
  findings: { kind: string; what: string; count: number }[];
  dealErrors?: string[];
}

/**
 * A failed run in a few lines, reasons first: CI keeps only the head and tail of a long log, so the whole output in
 * the middle of a diff was cut where it mattered. What is missing, why each unfinished deal stopped, what the drain
 * still waited for, then the run's last lines.
 */
function digest(summary: Summary, output: string): string {
  const lines = output.split('\n');
  const draining = lines.filter((l) => l.includes('still draining')).slice(-3);
  return [
    `chaos run failed: ${summary.dealsCompleted} of ${summary.deals} deals, lost ${summary.lost}, duplicated ` +
      `${summary.duplicated}, stuck ${summary.stuck}, drained ${summary.drainSeconds ?? 'never'}`,
    ...summary.findings.map((f) => `  ${f.kind}: ${f.what} (${f.count})`),
    ...(summary.dealErrors ?? []).map((e) => `  stopped: ${e}`),
    ...draining.map((l) => `  ${l}`),
    '--- the run, without its summary block:',
    ...lines.filter((l) => l.startsWith('[chaos ')).slice(-40),
  ].join('\n');
}

/**
 * The chaos suite's short configuration, run from source against the built launcher and services (npm test builds).
 * A run past `deadlineMs` is stopped (the tool stops its processes on SIGTERM) and answers what it printed, so a slow
 * or stuck run fails with its own log rather than a bare test timeout.
 */
function runChaos(args: string[], deadlineMs: number): Promise<{ code: number | null; output: string }> {
  // Its own embedded PostgreSQL: it restarts the server, which the suite's shared one must never be.
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env;
  const child = spawn(process.execPath, ['-r', './tools/openapi/register.js', 'tools/chaos/main.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => {
    output += `\n(stopped by the test after ${deadlineMs / 1000} s)\n`;
    child.kill('SIGTERM');
  }, deadlineMs);
  return new Promise((done) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ code, output });
    }),
  );
}

// The queue backend of the run: the Redis pass of CI (REDIS_URL set) breaks a Redis of the tool's own, since the
// machine's one must never be wiped; otherwise BullMQ's PostgreSQL backend, as npm test runs everything.
const BACKEND = process.env.REDIS_URL ? 'redis' : 'postgres';

describe(`chaos suite, short configuration, ${BACKEND} backend`, () => {
  it('kills services, wipes the queue store and restarts the database while deals run: nothing lost or doubled', async () => {
    const { code, output } = await runChaos(['--short', '--backend', BACKEND], 420_000);
    const line = output.split('\n').find((l) => l.startsWith('chaos-summary '));
    if (!line)
      throw new Error(`no summary from the chaos run; its last lines:\n${output.split('\n').slice(-60).join('\n')}`);
    const summary = JSON.parse(line.slice('chaos-summary '.length)) as Summary;
    if (!summary.ok) throw new Error(digest(summary, output));
    expect(summary).toMatchObject({ ok: true, lost: 0, duplicated: 0, stuck: 0, dealsCompleted: summary.deals });
    // The faults really happened: the short run is every kind at least once.
    expect(summary.kills).toBeGreaterThanOrEqual(8);
    expect(summary.wipes).toBeGreaterThanOrEqual(1);
    expect(summary.dbRestarts).toBeGreaterThanOrEqual(1);
    expect(summary.drainSeconds).not.toBeNull();
    expect(code).toBe(0);
  }, 450_000);
});
