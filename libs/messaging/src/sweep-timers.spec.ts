import { Sweep } from './sweep';
import { SweepTimers } from './sweep-timers';

describe('SweepTimers', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const sweep = (name: string, everyMs: number): Sweep => ({ name, everyMs, run: () => Promise.resolve() });

  it('runs each sweep after its first delay, then on its own period', async () => {
    const runs: string[] = [];
    const timers = new SweepTimers(
      [sweep('fast', 1000), sweep('slow', 5000)],
      (s) => Promise.resolve(void runs.push(s.name)),
      { firstDelayMs: () => 10 },
    );
    timers.start();
    await jest.advanceTimersByTimeAsync(10);
    expect(runs).toEqual(['fast', 'slow']);
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs.filter((n) => n === 'fast')).toHaveLength(6);
    expect(runs.filter((n) => n === 'slow')).toHaveLength(2);
    await timers.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(runs).toHaveLength(8);
  });

  it('skips a tick while the run is in flight, and stop() waits for that run', async () => {
    let finish: () => void = () => undefined;
    let started = 0;
    const timers = new SweepTimers(
      [sweep('long', 1000)],
      () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { firstDelayMs: () => 0 },
    );
    timers.start();
    await jest.advanceTimersByTimeAsync(3500);
    expect(started).toBe(1);
    let stopped = false;
    const stopping = timers.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });

  it('keeps running a sweep whose run failed', async () => {
    let runs = 0;
    const timers = new SweepTimers(
      [sweep('flaky', 1000)],
      () => {
        runs += 1;
        return Promise.reject(new Error('database away'));
      },
      { firstDelayMs: () => 0 },
    );
    timers.start();
    await jest.advanceTimersByTimeAsync(2000);
    expect(runs).toBe(3);
    await timers.stop();
  });
});
