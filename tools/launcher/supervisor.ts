import { ChildProcess, spawn } from 'node:child_process';

export interface ChildSpec {
  name: string;
  script: string;
  env: Record<string, string | undefined>;
}

export interface SupervisorOutput {
  line(text: string): void;
  child(name: string, stream: 'stdout' | 'stderr', chunk: string): void;
}

/**
 * Keeps one process per service alive: restarts a process that dies (with a growing delay, reset after a minute of
 * uptime), restarts one on request (watch mode) and stops them all on request, waiting for each to exit, killing the
 * stubborn after a deadline.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly specs = new Map<string, ChildSpec>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly requested = new Set<string>();
  private stopping = false;

  constructor(private readonly output: SupervisorOutput) {}

  start(spec: ChildSpec, delayMs = 1000): void {
    if (this.stopping) return;
    this.specs.set(spec.name, spec);
    this.pending.delete(spec.name);
    const startedAt = Date.now();
    // Own process group: the launcher decides the shutdown order. The IPC channel lets a child notice that the
    // launcher is gone (even after a SIGKILL) and exit instead of lingering as an orphan.
    const child = spawn(process.execPath, [spec.script], {
      env: spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    child.stdout?.on('data', (chunk: Buffer) => this.output.child(spec.name, 'stdout', chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => this.output.child(spec.name, 'stderr', chunk.toString()));
    this.children.set(spec.name, child);
    child.on('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (this.stopping) return;
      if (this.requested.delete(spec.name)) return this.start(spec);
      const nextDelay = Date.now() - startedAt > 60_000 ? 1000 : Math.min(delayMs * 2, 30_000);
      this.output.line(`${spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delayMs} ms`);
      this.pending.set(spec.name, setTimeout(() => this.start(spec, nextDelay), delayMs).unref());
    });
  }

  /** Stops a service and starts it again at once (its files changed). */
  restart(name: string): void {
    const spec = this.specs.get(name);
    if (!spec || this.stopping) return;
    const waiting = this.pending.get(name);
    if (waiting) clearTimeout(waiting);
    const child = this.children.get(name);
    if (!child) return this.start(spec);
    this.requested.add(name);
    child.kill('SIGTERM');
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.children].map(([name, child]) => [name, child.pid]));
  }

  async stopAll(deadlineMs = 20_000): Promise<void> {
    this.stopping = true;
    this.pending.forEach((timer) => clearTimeout(timer));
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
