import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { launcherHealth } from './health';
import { errorText } from './log-view';
import { RestartPolicy, restartDelay } from './restart-policy';
import { ChildSpec, Supervisor } from './supervisor';

const POLICY: RestartPolicy = { baseDelayMs: 500, maxDelayMs: 4_000, windowMs: 60_000, loopAfter: 3 };

/** A stand-in child process: tests make it print and die. */
class FakeChild extends EventEmitter {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  exitCode: number | null = null;
  signalCode: string | null = null;
  constructor(readonly pid: number) {
    super();
  }
  kill(signal = 'SIGTERM'): boolean {
    this.die(null, signal);
    return true;
  }
  die(code: number | null, signal: string | null = null): void {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }
}

function harness() {
  jest.useFakeTimers({ now: Date.UTC(2026, 11, 2, 8, 0, 0) });
  const lines: string[] = [];
  const children: Record<string, FakeChild[]> = {};
  let pid = 100;
  const supervisor = new Supervisor(
    { line: (text) => lines.push(text), child: () => undefined },
    POLICY,
    (spec) => {
      const child = new FakeChild(pid++);
      (children[spec.name] ??= []).push(child);
      return child as unknown as ChildProcess;
    },
    () => Date.now(),
  );
  const spec = (name: string): ChildSpec => ({ name, script: `/d/${name}.js`, env: {} });
  const latest = (name: string) => children[name].at(-1)!;
  return { supervisor, lines, children, spec, latest };
}

afterEach(() => jest.useRealTimers());

describe('restart policy', () => {
  it.each([
    [1, 500],
    [2, 1000],
    [3, 2000],
    [4, 4000],
    [9, 4000],
  ])('after %i recent exits waits %i ms', (recent, delay) => {
    expect(restartDelay(recent, POLICY)).toBe(delay);
  });
});

describe('supervisor', () => {
  it('restarts a service that dies after the base delay, doubling while it keeps dying, capped', () => {
    const { supervisor, children, spec, latest, lines } = harness();
    supervisor.start(spec('prospects'));
    const waits: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      latest('prospects').die(1);
      const before = children.prospects.length;
      let waited = 0;
      while (children.prospects.length === before) {
        jest.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(lines[0]).toBe('prospects exited (code 1); restarting in 500 ms');
  });

  it('starts again from the base delay once the service stayed up for the whole window', () => {
    const { supervisor, children, spec, latest } = harness();
    supervisor.start(spec('contracts'));
    latest('contracts').die(1);
    jest.advanceTimersByTime(500);
    latest('contracts').die(1);
    jest.advanceTimersByTime(1000);
    expect(children.contracts).toHaveLength(3);
    jest.advanceTimersByTime(POLICY.windowMs);
    latest('contracts').die(null, 'SIGKILL');
    jest.advanceTimersByTime(499);
    expect(children.contracts).toHaveLength(3);
    jest.advanceTimersByTime(1);
    expect(children.contracts).toHaveLength(4);
  });

  it('names a crash-looping service in one line with its last error, and its health says so', () => {
    const { supervisor, spec, latest, lines } = harness();
    supervisor.start(spec('approvals'));
    for (let i = 0; i < 3; i += 1) {
      const child = latest('approvals');
      child.stdout.write('{"level":30,"msg":"approvals listening on http://127.0.0.1:3002"}\n');
      child.stdout.write('{"level":50,"context":"Bootstrap","msg":"connect ECONNREFUSED 127.0.0.1:5432\\n  at x"}\n');
      child.die(1);
      jest.advanceTimersByTime(POLICY.maxDelayMs);
    }
    expect(lines.at(-1)).toBe(
      'approvals is crash-looping (3 exits in 60 s, last code 1); last error: Bootstrap: connect ECONNREFUSED ' +
        '127.0.0.1:5432; restarting in 2000 ms',
    );
    const health = launcherHealth(supervisor.states());
    expect(health).toMatchObject({ status: 'degraded', down: [], crashLooping: ['approvals'] });
    expect(health.services.approvals).toMatchObject({ state: 'running', restarts: 3, recentExits: 3 });
  });

  it('keeps every service pending when all die at once, and brings them all back', () => {
    const { supervisor, spec, latest, children } = harness();
    const names = ['gateway', 'prospects', 'approvals', 'contracts', 'notifications'];
    names.forEach((name) => supervisor.start(spec(name)));
    names.forEach((name) => latest(name).die(null, 'SIGKILL'));
    const down = launcherHealth(supervisor.states());
    expect(down.status).toBe('degraded');
    expect(down.down.sort()).toEqual([...names].sort());
    expect(down.services.gateway).toMatchObject({ state: 'restarting', lastExit: 'SIGKILL' });
    expect(jest.getTimerCount()).toBe(names.length);
    jest.advanceTimersByTime(POLICY.baseDelayMs);
    expect(names.map((name) => children[name].length)).toEqual([2, 2, 2, 2, 2]);
    expect(launcherHealth(supervisor.states())).toMatchObject({ status: 'ok', down: [], crashLooping: [] });
  });

  it('stops for good on stopAll: no pending restart survives', async () => {
    const { supervisor, spec, latest, children } = harness();
    supervisor.start(spec('notifications'));
    supervisor.start(spec('gateway'));
    latest('notifications').die(1);
    await supervisor.stopAll();
    jest.advanceTimersByTime(POLICY.maxDelayMs);
    expect(children.notifications).toHaveLength(1);
    expect(supervisor.states().gateway.state).toBe('stopped');
  });

  it('restarts on request at once, without counting an exit', () => {
    const { supervisor, spec, children } = harness();
    supervisor.start(spec('prospects'));
    supervisor.restart('prospects');
    expect(children.prospects).toHaveLength(2);
    expect(supervisor.states().prospects.recentExits).toBe(0);
  });
});

describe('error text of a child line', () => {
  it.each<[string, 'stdout' | 'stderr', string | null]>([
    ['{"level":50,"context":"Errors","msg":"Error: boom\\n at y"}', 'stdout', 'Errors: Error: boom'],
    ['{"level":40,"msg":"slow"}', 'stdout', null],
    ['Error: Cannot find module /d/x.js', 'stderr', 'Error: Cannot find module /d/x.js'],
    ['    at Module._resolveFilename (node:internal)', 'stderr', null],
    ['plain text on stdout', 'stdout', null],
  ])('%s on %s', (line, stream, expected) => {
    expect(errorText(line, stream)).toBe(expected);
  });
});
