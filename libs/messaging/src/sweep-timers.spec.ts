import { Sweep } from './sweep';
import { SweepTimers, alignedFirstDelay } from './sweep-timers';

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

  it('first runs a sweep at its next whole period on the clock, as the BullMQ schedulers did', () => {
    const hourly = sweep('hourly', 3_600_000);
    expect(alignedFirstDelay(hourly, Date.parse('2026-12-04T10:59:59.000Z'))).toBe(1000);
    expect(alignedFirstDelay(hourly, Date.parse('2026-12-04T10:00:00.000Z'))).toBe(3_600_000);
    expect(alignedFirstDelay(sweep('mail', 5000), Date.parse('2026-12-04T10:00:03.500Z'))).toBe(1500);
  });

  it('waits for the next whole period by default', async () => {
    jest.setSystemTime(Date.parse('2026-12-04T10:59:58.000Z'));
    const runs: string[] = [];
    const timers = new SweepTimers([sweep('hourly', 3_600_000)], (s) => Promise.resolve(void runs.push(s.name)));
    timers.start();
    await jest.advanceTimersByTimeAsync(1999);
    expect(runs).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(runs).toEqual(['hourly']);
    await timers.stop();
  });

  it('runs a sweep at once when woken, and once more after a run a wake came during', async () => {
    let finish: () => void = () => undefined;
    let started = 0;
    const timers = new SweepTimers(
      [sweep('mail', 60_000)],
      () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { firstDelayMs: () => 60_000 },
    );
    timers.start();
    timers.wake('mail');
    expect(started).toBe(1);
    // Two wakes during the run make one more run, right after it.
    timers.wake('mail');
    timers.wake('mail');
    expect(started).toBe(1);
    finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(started).toBe(2);
    finish();
    await jest.advanceTimersByTimeAsync(0);
    expect(started).toBe(2);
    timers.wake('unknown');
    await timers.stop();
    timers.wake('mail');
    expect(started).toBe(2);
  });
});
