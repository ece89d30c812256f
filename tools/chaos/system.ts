import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

// The system as `npm start` runs it: the built launcher (dist/tools/launcher/main.js) supervising the five built
// services. With replicas, one launcher per replica on ports of its own, all on the same database and queue store.

// Compiled, this file is dist/tools/chaos/system.js; run from source (the e2e test), the build is ./dist.
const BUILD_ROOT = __filename.endsWith('.js') ? resolve(__dirname, '..', '..') : resolve(__dirname, '..', '..', 'dist');

export const CHAOS_SERVICES = ['gateway', 'prospects', 'approvals', 'contracts', 'notifications'] as const;
export type ChaosService = (typeof CHAOS_SERVICES)[number];

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export interface ServiceProcess {
  replica: number;
  service: ChaosService;
  pid: number;
}

interface Launcher {
  child: ChildProcess;
  gatewayUrl: string;
  healthUrl: string;
  exited: Promise<void>;
}

async function waitUntil(what: string, timeoutMs: number, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export class ChaosSystem {
  private readonly launchers: Launcher[] = [];

  constructor(
    private readonly root: string,
    /** Environment every service gets (database, queue store, secrets, timings). */
    private readonly env: Record<string, string>,
    private readonly log: (line: string) => void,
  ) {}

  get gatewayUrls(): string[] {
    return this.launchers.map((l) => l.gatewayUrl);
  }

  /** Starts the launchers one after the other (the first gateway creates the admin before a second one looks). */
  async start(replicas: number): Promise<void> {
    for (let replica = 0; replica < replicas; replica++) this.launchers.push(await this.startLauncher(replica));
  }

  private async startLauncher(replica: number): Promise<Launcher> {
    const [gateway, prospects, approvals, contracts, notifications, launcher] = await Promise.all(
      Array.from({ length: 6 }, () => freePort()),
    );
    const dataDir = join(this.root, `launcher-${replica}`);
    mkdirSync(dataDir, { recursive: true });
    const env = {
      ...this.env,
      DEALGATE_DATA_DIR: dataDir,
      MAIL_DIR: join(dataDir, 'mail'),
      PORT: String(gateway),
      PROSPECTS_PORT: String(prospects),
      APPROVALS_PORT: String(approvals),
      CONTRACTS_PORT: String(contracts),
      NOTIFICATIONS_PORT: String(notifications),
      LAUNCHER_PORT: String(launcher),
      PUBLIC_URL: `http://127.0.0.1:${gateway}`,
    };
    const script = join(BUILD_ROOT, 'tools', 'launcher', 'main.js');
    const child = spawn(process.execPath, [script, '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const logFile = createWriteStream(join(this.root, `launcher-${replica}.log`));
    child.stdout.pipe(logFile);
    child.stderr.pipe(logFile);
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const started: Launcher = {
      child,
      gatewayUrl: `http://127.0.0.1:${gateway}`,
      healthUrl: `http://127.0.0.1:${launcher}/health`,
      exited,
    };
    await waitUntil(`replica ${replica} healthy`, 180_000, async () => {
      if (child.exitCode !== null) throw new Error(`the launcher of replica ${replica} exited (see its log)`);
      return (await fetch(`${started.gatewayUrl}/api/health`, { signal: AbortSignal.timeout(3000) })).ok;
    });
    this.log(`replica ${replica}: gateway ${started.gatewayUrl}, launcher health ${started.healthUrl}`);
    return started;
  }

  /** Every running service process, read from each launcher's own health. */
  async processes(): Promise<ServiceProcess[]> {
    const found: ServiceProcess[] = [];
    for (let replica = 0; replica < this.launchers.length; replica++) {
      const health = await this.launcherHealth(replica);
      for (const service of CHAOS_SERVICES) {
        const pid = health?.services[service]?.pid;
        if (pid) found.push({ replica, service, pid });
      }
    }
    return found;
  }

  async launcherHealth(replica: number): Promise<LauncherView | undefined> {
    try {
      const response = await fetch(this.launchers[replica].healthUrl, { signal: AbortSignal.timeout(3000) });
      return (await response.json()) as LauncherView;
    } catch {
      return undefined;
    }
  }

  /** Until every launcher says every service runs and the gateways answer healthy. */
  async waitHealthy(timeoutMs: number): Promise<void> {
    await waitUntil('every service up again', timeoutMs, async () => {
      for (const [replica, launcher] of this.launchers.entries()) {
        if ((await this.launcherHealth(replica))?.down.length !== 0) return false;
        const answer = await fetch(`${launcher.gatewayUrl}/api/health`, { signal: AbortSignal.timeout(3000) });
        if (!answer.ok) return false;
      }
      return true;
    });
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.launchers.map(async (l) => {
        if (l.child.exitCode === null) l.child.kill('SIGTERM');
        const timer = setTimeout(() => l.child.kill('SIGKILL'), 30_000);
        await l.exited;
        clearTimeout(timer);
      }),
    );
  }
}

export interface LauncherView {
  status: string;
  down: string[];
  services: Record<string, { state: string; pid?: number; restarts: number }>;
}
