import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Role } from '@dealgate/domain';
import { ALL_SERVICES } from '@dealgate/messages';
import {
  TEST_JWT_SECRET,
  commandLine,
  descendantsOf,
  freePort,
  isAlive,
  tokenFor,
  waitFor,
  fetchWithContract,
} from '@dealgate/testing';

const ROOT = resolve(__dirname, '..');

interface Started {
  npm: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` exactly as a user runs it, with no database or Redis variables: the embedded mode. */
function npmStart(env: Record<string, string>): Started {
  const { DATABASE_URL: _db, REDIS_URL: _redis, ...inherited } = process.env;
  const npm = spawn('npm', ['start'], { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
  npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((done) => npm.once('exit', (code) => done(code)));
  return { npm, output: () => output, exited };
}

async function health(port: number): Promise<number> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

describe('npm start in embedded mode', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'dealgate-start-')), 'var');
  let env: Record<string, string>;
  let running: Started | undefined;

  beforeAll(async () => {
    const [gateway, prospects, approvals, contracts, notifications, pg, launcher] = await Promise.all(
      Array.from({ length: 7 }, () => freePort()),
    );
    env = {
      DEALGATE_DATA_DIR: dataDir,
      PORT: String(gateway),
      PROSPECTS_PORT: String(prospects),
      APPROVALS_PORT: String(approvals),
      CONTRACTS_PORT: String(contracts),
      NOTIFICATIONS_PORT: String(notifications),
      EMBEDDED_PG_PORT: String(pg),
      LAUNCHER_PORT: String(launcher),
      LOG_LEVEL: 'info',
      JWT_SECRET: TEST_JWT_SECRET,
    };
  });

  afterAll(() => {
    // The clusters these starts made are throw-away; as root their files may live outside the data folder.
    const elsewhere = /Embedded PostgreSQL ready on \S+ \(pid \d+, data (\S+)\)/.exec(running?.output() ?? '')?.[1];
    if (elsewhere) rmSync(elsewhere, { recursive: true, force: true });
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  afterEach(async () => {
    // Never leave a system running when an assertion failed half-way.
    if (running && running.npm.exitCode === null) {
      running.npm.kill('SIGINT');
      await running.exited;
    }
  });

  async function stopAndExpectNoOrphans(started: Started): Promise<void> {
    const tree = descendantsOf(started.npm.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(6); // launcher, PostgreSQL and five services at least
    started.npm.kill('SIGINT');
    expect(await started.exited).toBe(0);
    await waitFor(() => tree.every((pid) => !isAlive(pid)), {
      timeoutMs: 30_000,
      what: `every started process to exit (left: ${tree
        .filter(isAlive)
        .map((p) => `${p} ${commandLine(p)}`)
        .join('; ')})`,
    });
  }

  it('starts everything, restarts every service after all die at once, and stops every process on SIGINT', async () => {
    running = npmStart(env);
    const gatewayPort = Number(env.PORT);
    await waitFor(async () => (await health(gatewayPort)) === 200, {
      timeoutMs: 180_000,
      intervalMs: 500,
      what: '/api/health to be healthy',
    });
    await waitFor(() => running!.output().includes('Dealgate is running (embedded mode)'), {
      what: 'the start banner',
    });
    expect(running.output()).toContain(`http://localhost:${gatewayPort}/api/docs`);

    // One user action can be followed through every service by its correlation id.
    const ping = await fetchWithContract(`http://127.0.0.1:${gatewayPort}/api/system/ping`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor({ roles: [Role.Admin] })}`, 'x-correlation-id': 'follow-me-1' },
    });
    expect(ping.status).toBe(202);
    const servicesLogging = () =>
      new Set(
        running!
          .output()
          .split('\n')
          .filter((line) => line.startsWith('{') && line.includes('follow-me-1'))
          .map((line) => JSON.parse(line) as { service: string; correlationId?: string })
          .filter((entry) => entry.correlationId === 'follow-me-1')
          .map((entry) => entry.service),
      );
    await waitFor(() => servicesLogging().size === ALL_SERVICES.length, {
      what: 'a log line with the correlation id from every service',
    });

    // Every service process killed at once: the launcher stays, says so on its own health, and starts them all again.
    const launcherHealth = async () => {
      const answer = await fetch(`http://127.0.0.1:${env.LAUNCHER_PORT}/health`).catch(() => undefined);
      return answer ? { status: answer.status, body: (await answer.json()) as { down: string[] } } : undefined;
    };
    expect(await launcherHealth()).toMatchObject({ status: 200, body: { down: [] } });
    const services = descendantsOf(running.npm.pid!).filter((pid) =>
      /apps\/[a-z]+\/src\/main\.js/.test(commandLine(pid)),
    );
    expect(services).toHaveLength(ALL_SERVICES.length);
    services.forEach((pid) => process.kill(pid, 'SIGKILL'));
    await waitFor(async () => (await launcherHealth())?.status === 503, {
      timeoutMs: 10_000,
      intervalMs: 100,
      what: 'the launcher to report its services down',
    });
    expect(running.npm.exitCode).toBeNull();
    await waitFor(async () => (await health(gatewayPort)) === 200, {
      timeoutMs: 90_000,
      intervalMs: 500,
      what: 'every service to be restarted',
    });
    expect(await launcherHealth()).toMatchObject({ status: 200, body: { down: [] } });
    expect(running.output()).toMatch(/prospects exited \(SIGKILL\); restarting in \d+ ms/);

    await stopAndExpectNoOrphans(running);
  }, 300_000);

  it('a second start reuses the data', async () => {
    running = npmStart(env);
    await waitFor(async () => (await health(Number(env.PORT))) === 200, {
      timeoutMs: 180_000,
      intervalMs: 500,
      what: 'the second start',
    });
    expect(running.output()).not.toContain('Initialising a new PostgreSQL cluster');
    await stopAndExpectNoOrphans(running);
  }, 240_000);
});
