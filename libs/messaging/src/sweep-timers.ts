import type { Queue } from 'bullmq';
import type { Sweep } from './sweep';

export interface SweepTimersOptions {
  /** When each sweep first runs after start (default: `alignedFirstDelay`). */
  firstDelayMs?: (sweep: Sweep) => number;
}

/**
 * The time to the sweep's next whole period on the clock (an hourly sweep runs at the top of the hour), as BullMQ's
 * `every` schedulers ran them: replicas and restarts keep one rhythm, and a restart does not bring a run forward (an
 * hourly report sweep does not run at every boot, which tests that drive a sweep by hand rely on).
 */
export function alignedFirstDelay(sweep: Sweep, nowMs: number = Date.now()): number {
  return sweep.everyMs - (nowMs % sweep.everyMs);
}

/**
 * Runs a service's sweeps on timers of this process: each sweep at its next whole period, then every `everyMs`, one run of a
 * sweep at a time (a tick while its run is in flight is skipped). Every replica runs every sweep: sweeps find their
 * work in PostgreSQL and act idempotently, so the runs of several replicas only repeat the look. This used to be one
 * BullMQ job scheduler per sweep; on the PostgreSQL queue backend each run then cost about eight queue transactions
 * (advance the scheduler, wake the worker, claim, complete, look for the next job) beside the sweep's own one or two,
 * most of an idle system's commits, plus a check every SWEEP_CHECK_MS that the schedulers survived in the queue store.
 * A timer needs neither and cannot be lost with the queue store.
 */
export class SweepTimers {
  private timers: NodeJS.Timeout[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly ticks = new Map<string, () => void>();

  constructor(
    private readonly sweeps: readonly Sweep[],
    private readonly runSweep: (sweep: Sweep) => Promise<void>,
    private readonly options: SweepTimersOptions = {},
  ) {}

  start(): void {
    for (const sweep of this.sweeps) {
      let running: Promise<void> | undefined;
      let again = false;
      const tick = () => {
        if (running) return;
        const run = this.runSweep(sweep)
          .catch(() => undefined) // runSweep reports its own failures; the next tick tries again
          .finally(() => {
            this.inFlight.delete(run);
            running = undefined;
            // Woken during the run: its work may have committed after the run looked.
            if (again && this.ticks.has(sweep.name)) {
              again = false;
              tick();
            }
          });
        running = run;
        this.inFlight.add(run);
      };
      this.ticks.set(sweep.name, () => {
        if (running) again = true;
        else tick();
      });
      const first = setTimeout(
        () => {
          tick();
          const every = setInterval(tick, sweep.everyMs);
          every.unref();
          this.timers.push(every);
        },
        (this.options.firstDelayMs ?? alignedFirstDelay)(sweep),
      );
      first.unref();
      this.timers.push(first);
    }
  }

  /** Runs the sweep now (or, if a run is in flight, once more right after it); ignored once stopped. */
  wake(name: string): void {
    this.ticks.get(name)?.();
  }

  /** Stops the timers and waits for the runs in flight (before the data source closes). */
  async stop(): Promise<void> {
    this.ticks.clear();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    await Promise.all([...this.inFlight]);
  }
}

/** The id the BullMQ job scheduler of a sweep had before sweeps ran on timers. */
export const legacySchedulerId = (service: string, sweep: Sweep) => `${service}-${sweep.name}`;

/**
 * Removes the job schedulers an older version registered for the sweeps (they would keep adding sweep jobs, which the
 * dispatcher still runs, so nothing breaks while one is left: it only costs its queue transactions). Idempotent.
 */
export async function removeLegacySweepSchedulers(
  service: string,
  sweeps: readonly Sweep[],
  queue: Queue,
): Promise<void> {
  for (const sweep of sweeps) await queue.removeJobScheduler(legacySchedulerId(service, sweep));
}
