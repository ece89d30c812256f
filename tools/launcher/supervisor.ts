import { ChildProcess, spawn } from 'node:child_process';

export interface ChildSpec {
  name: string;
  script: string;
  env: Record<string, string | undefined>;
}

type Log = (line: string) => void;

/**
 * Keeps one process per service alive: restarts a process that dies (with a growing delay, reset after a minute of
 * uptime) and stops them all on request, waiting for each to exit, killing the stubborn after a deadline.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  constructor(private readonly log: Log) {}

  start(spec: ChildSpec, delayMs = 1000): void {
    if (this.stopping) return;
    const startedAt = Date.now();
    // Own process group: the launcher decides the shutdown order. The IPC channel lets a child notice that the
    // launcher is gone (even after a SIGKILL) and exit instead of lingering as an orphan.
    const child = spawn(process.execPath, [spec.script], {
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    this.children.set(spec.name, child);
    child.on('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      const nextDelay = Date.now() - startedAt > 60_000 ? 1000 : Math.min(delayMs * 2, 30_000);
      this.log(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delayMs} ms`);
      setTimeout(() => this.start(spec, nextDelay), delayMs).unref();
    });
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.children].map(([name, child]) => [name, child.pid]));
  }

  async stopAll(deadlineMs = 20_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const timer = setTimeout(() => child.kill('SIGKILL'), deadlineMs);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}
