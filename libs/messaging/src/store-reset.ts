import { Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';

/** The queue nobody consumes, holding one marker job per service: its absence means the queue store lost its data. */
export const STORE_MARKER_QUEUE = 'store-marker';

export interface StoreResetOptions {
  /** The service whose marker this is (one marker per service: each republishes its own outbox). */
  service: string;
  marker: () => Queue;
  /** How often the marker is looked at. */
  checkEveryMs: number;
  /** Outbox rows sent within this window are published again after a reset. */
  republishWindowMs: number;
}

/**
 * Makes the loss of the queue store survivable. A job published but not yet consumed lives only in the queue store;
 * a Redis FLUSHALL, a Redis restart without persistence or a wiped PostgreSQL queue schema loses it, and so are
 * delayed retries. Outbox rows stay in PostgreSQL after they are sent, so the relay can publish them again: it keeps a
 * marker job in a queue nobody consumes, and when the marker is gone (the store was emptied; also on the first start
 * against an empty store) it clears `sent_at` of every row sent within the window, so the relay's next passes publish
 * them again, and puts the marker back. Consumers' inboxes apply each message at most once, so whatever had already
 * been consumed is acknowledged without a second effect; a lost retry comes back as a fresh first attempt.
 */
export class StoreResetWatch {
  private readonly logger = new Logger(StoreResetWatch.name);
  private lastCheck = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StoreResetOptions,
  ) {}

  private get markerId(): string {
    return `marker-${this.options.service}`;
  }

  /** How long until `maybeCheck` would look at the marker again (0: due now); an idle relay sleeps no longer. */
  msUntilCheck(now = Date.now()): number {
    return Math.max(0, this.lastCheck + this.options.checkEveryMs - now);
  }

  /** Makes the next check due within `ms` at the latest (after a failure that a lost queue store may explain). */
  checkWithin(ms: number, now = Date.now()): void {
    this.lastCheck = Math.min(this.lastCheck, now + ms - this.options.checkEveryMs);
  }

  /** Checks when the interval has passed; returns the number of rows set to publish again. */
  async maybeCheck(now = Date.now()): Promise<number> {
    if (now - this.lastCheck < this.options.checkEveryMs) return 0;
    this.lastCheck = now;
    return this.check();
  }

  /** Looks at the marker now; on a reset, sets the window's sent rows to publish again and puts the marker back. */
  async check(): Promise<number> {
    const queue = this.options.marker();
    if (await queue.getJob(this.markerId)) return 0;
    // Reset first, marker second: a crash in between finds the marker still missing and resets again (harmless).
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `UPDATE outbox SET sent_at = NULL
        WHERE sent_at IS NOT NULL AND sent_at > now() - make_interval(secs => $1::double precision)`,
      [this.options.republishWindowMs / 1000],
    );
    await queue.add('marker', {}, { jobId: this.markerId });
    if (count > 0) {
      this.logger.warn(
        `the queue store lost its data (its marker is gone): publishing again ${count} message(s) sent in the last ` +
          `${Math.round(this.options.republishWindowMs / 60_000)} min; consumers' inboxes drop those already applied`,
      );
    }
    return count;
  }
}
