import { ChildProcess, spawn } from 'node:child_process';
import { errorText, LineSplitter } from './log-view';
import { DEFAULT_RESTART_POLICY, RestartPolicy, isCrashLooping, recentExits, restartDelay } from './restart-policy';

export interface ChildSpec {
  name: string;
  script: string;
  env: Record<string, string | undefined>;
}

export interface SupervisorOutput {
  line(text: string): void;
  child(name: string, stream: 'stdout' | 'stderr', chunk: string): void;
}

/** Starts one service process (a seam for tests; the launcher spawns Node with the service's script). */
export type Spawner = (spec: ChildSpec) => ChildProcess;

/** What the launcher's health endpoint says of one service. */
export interface ServiceState {
  state: 'running' | 'restarting' | 'stopped';
  pid?: number;
  /** Starts after the first. */
  restarts: number;
  /** Exits within the restart policy's window. */
  recentExits: number;
  crashLooping: boolean;
  lastExit?: string;
  lastError?: string;
  /** When the pending restart happens (ISO time), while restarting. */
  nextStartAt?: string;
}

// Own process group: the launcher decides the shutdown order. The IPC channel lets a child notice that the launcher is
// gone (even after a SIGKILL) and exit instead of lingering as an orphan.
const spawnService: Spawner = (spec) =>
  spawn(process.execPath, [spec.script], { env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });

interface ServiceRecord {
  spec: ChildSpec;
  child?: ChildProcess;
  timer?: NodeJS.Timeout;
  nextStartAt?: number;
  starts: number;
  exits: number[];
  lastExit?: string;
  lastError?: string;
}

/**
 * Keeps one process per service alive, and never gives up: a process that dies is started again after a delay that
 * doubles with each exit inside the policy's window and is capped (a quiet window resets it), and a service that keeps
 * dying is named in one line with its last error. Pending restarts hold the launcher's event loop, so the launcher
 * stays alive even while every service is down. Restarts one on request (watch mode) and stops them all on request,
 * waiting for each to exit, killing the stubborn after a deadline.
 */
export class Supervisor {
  private readonly services = new Map<string, ServiceRecord>();
  private readonly requested = new Set<string>();
  private stopping = false;

  constructor(
    private readonly output: SupervisorOutput,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly spawner: Spawner = spawnService,
    private readonly now: () => number = Date.now,
  ) {}

  start(spec: ChildSpec): void {
    if (this.stopping) return;
    const record = this.services.get(spec.name) ?? { spec, starts: 0, exits: [] };
    this.services.set(spec.name, record);
    record.spec = spec;
    record.timer = undefined;
    record.nextStartAt = undefined;
    record.starts += 1;
    const child = this.spawner(spec);
    record.child = child;
    const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
    const watch = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const text = chunk.toString();
      for (const line of splitters[stream].push(text)) {
        const error = errorText(line, stream);
        if (error) record.lastError = error;
      }
      this.output.child(spec.name, stream, text);
    };
    child.stdout?.on('data', watch('stdout'));
    child.stderr?.on('data', watch('stderr'));
    child.on('exit', (code, signal) => this.exited(record, child, signal ?? `code ${code}`));
  }

  private exited(record: ServiceRecord, child: ChildProcess, how: string): void {
    if (record.child !== child) return;
    record.child = undefined;
    record.lastExit = how;
    if (this.stopping) return;
    const { name } = record.spec;
    if (this.requested.delete(name)) return this.start(record.spec);
    const now = this.now();
    record.exits = [...recentExits(record.exits, now, this.policy), now];
    const delay = restartDelay(record.exits.length, this.policy);
    if (isCrashLooping(record.exits.length, this.policy)) {
      const why = record.lastError ? `; last error: ${record.lastError}` : '';
      this.output.line(
        `${name} is crash-looping (${record.exits.length} exits in ${this.policy.windowMs / 1000} s, last ${how})${why}; restarting in ${delay} ms`,
      );
    } else {
      this.output.line(`${name} exited (${how}); restarting in ${delay} ms`);
    }
    record.nextStartAt = now + delay;
    // Not unref'd: while a restart is pending the launcher must not exit, even with every service down.
    record.timer = setTimeout(() => this.start(record.spec), delay);
  }

  /** Stops a service and starts it again at once (its files changed). */
  restart(name: string): void {
    const record = this.services.get(name);
    if (!record || this.stopping) return;
    if (record.timer) clearTimeout(record.timer);
    if (!record.child) return this.start(record.spec);
    this.requested.add(name);
    record.child.kill('SIGTERM');
  }

  pids(): Record<string, number | undefined> {
    return Object.fromEntries([...this.services].map(([name, record]) => [name, record.child?.pid]));
  }

  /** Each service's state, for the launcher's health endpoint. */
  states(): Record<string, ServiceState> {
    const now = this.now();
    return Object.fromEntries(
      [...this.services].map(([name, r]) => {
        const recent = recentExits(r.exits, now, this.policy).length;
        const state: ServiceState = {
          state: r.child ? 'running' : r.timer ? 'restarting' : 'stopped',
          pid: r.child?.pid,
          restarts: Math.max(0, r.starts - 1),
          recentExits: recent,
          crashLooping: isCrashLooping(recent, this.policy),
          lastExit: r.lastExit,
          lastError: r.lastError,
          nextStartAt: r.nextStartAt === undefined ? undefined : new Date(r.nextStartAt).toISOString(),
        };
        return [name, state];
      }),
    );
  }

  async stopAll(deadlineMs = 20_000): Promise<void> {
    this.stopping = true;
    this.services.forEach((record) => record.timer && clearTimeout(record.timer));
    const children = [...this.services.values()].flatMap((record) => (record.child ? [record.child] : []));
    await Promise.all(
      children.map(
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
