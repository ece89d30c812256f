import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { everyOneAtATime } from './periodic';
import { SWEEP_JOB_PREFIX, Sweep } from './sweep';

/**
 * The BullMQ job schedulers that run a service's sweeps, kept alive. They live in the queue store, which can lose them
 * (a Redis FLUSHALL or a restart without persistence, a wiped PostgreSQL queue schema): registered only at boot, every
 * sweep would then stop until the service restarts. So the keeper registers them at boot and then checks every
 * `checkEveryMs` that each still exists, registering a missing one again (an upsert: replicas agree) with a warning.
 * Sweeps are idempotent and find their work in PostgreSQL, so a run lost in between is only late, never missed.
 */
export class SweepSchedules {
  private readonly logger = new Logger(SweepSchedules.name);
  private stopTimer?: () => void;

  constructor(
    private readonly service: string,
    private readonly sweeps: readonly Sweep[],
    private readonly queue: () => Queue,
    private readonly checkEveryMs: number,
  ) {}

  schedulerId(sweep: Sweep): string {
    return `${this.service}-${sweep.name}`;
  }

  private async register(sweep: Sweep): Promise<void> {
    await this.queue().upsertJobScheduler(
      this.schedulerId(sweep),
      { every: sweep.everyMs },
      { name: `${SWEEP_JOB_PREFIX}${sweep.name}`, data: {}, opts: { removeOnComplete: true, removeOnFail: 100 } },
    );
  }

  /** Registers every sweep's scheduler, then keeps checking (no timer when the service has no sweeps). */
  async start(): Promise<void> {
    for (const sweep of this.sweeps) await this.register(sweep);
    if (this.sweeps.length === 0) return;
    this.stopTimer = everyOneAtATime(
      this.checkEveryMs,
      () => this.restoreMissing(),
      (error) =>
        this.logger.warn(
          `could not check the sweep schedules: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
  }

  /** Registers again each sweep whose scheduler the queue store no longer has; returns their ids. */
  async restoreMissing(): Promise<string[]> {
    const restored: string[] = [];
    for (const sweep of this.sweeps) {
      if (await this.queue().getJobScheduler(this.schedulerId(sweep))) continue;
      await this.register(sweep);
      restored.push(this.schedulerId(sweep));
    }
    if (restored.length > 0) {
      this.logger.warn(`the queue store had lost the sweep schedules ${restored.join(', ')}: registered them again`);
    }
    return restored;
  }

  /** Stops checking; a check in flight is not waited for (it only registers what is missing, idempotently). */
  stop(): Promise<void> {
    this.stopTimer?.();
    return Promise.resolve();
  }
}
