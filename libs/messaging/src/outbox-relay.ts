import { Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobEnvelope, JobName, ServiceName, consumersOf } from '@dealgate/messages';
import { MessagingMetrics } from './messaging-metrics';
import { OutboxCommitHook } from './outbox-commit-hook';
import { StoreResetWatch } from './store-reset';

interface OutboxRow {
  id: string;
  job_name: JobName;
  payload: JobEnvelope['payload'];
  correlation_id: string;
  created_at: Date;
}

export interface OutboxRelayOptions {
  source: ServiceName;
  /**
   * The safety poll: how long an idle relay waits when no commit woke it (rows written by another process, e.g. a
   * replica whose relay is down, or by hand). Doubled after each pass that found nothing, up to `idlePollMaxMs`;
   * back to `pollMs` after a pass that published, a nudge or a failure.
   */
  pollMs: number;
  /** The longest wait of an idle relay (default `pollMs`: no backoff). */
  idlePollMaxMs?: number;
  /** Wake on this process' commits that wrote to the outbox (default true); false leaves it to its poll and `nudge()`. */
  wakeOnCommit?: boolean;
  /** How long a woken relay waits before its pass, so commits arriving together share it (default 2 ms). */
  coalesceMs?: number;
  batchSize?: number;
  jobOptions: JobsOptions;
  /** Publishes the recently sent rows again when the queue store lost its data (see store-reset.ts). */
  storeReset?: StoreResetWatch;
  /** Test seam: runs after publishing and before marking rows sent, to simulate a crash there. */
  afterPublish?: (ids: string[]) => Promise<void> | void;
}

/**
 * Publishes committed outbox rows to every consumer's queue. Rows are claimed with FOR UPDATE SKIP LOCKED, so
 * several replicas share the work and none assumes ids commit in order. The job id is the row id: a crash after
 * publishing and before marking re-publishes the same ids, which BullMQ and the consumers' inboxes deduplicate.
 * Every commit of this process that wrote to the outbox wakes the relay (OutboxCommitHook), so it runs a pass at
 * once; an idle relay only wakes for its safety poll, which backs off from `pollMs` to `idlePollMaxMs` while passes
 * find nothing, and for its queue-store check (store-reset.ts), which runs no outbox pass of its own.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by a nudge: another pass is due even when the current one found nothing (its rows may have committed since). */
  private nudged = false;
  private readonly commitHook?: OutboxCommitHook;
  /** How long the relay waits after its next pass that finds nothing. */
  private idleWaitMs: number;
  /** When the safety poll's next pass is due (set when the relay goes idle). */
  private pollAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queueFor: (consumer: ServiceName) => Queue,
    private readonly options: OutboxRelayOptions,
    private readonly metrics?: MessagingMetrics,
  ) {
    this.idleWaitMs = options.pollMs;
    if (options.wakeOnCommit ?? true) this.commitHook = new OutboxCommitHook(dataSource, () => this.nudge());
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.commitHook?.attach();
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.commitHook?.detach();
    this.wake?.();
    await this.loop;
  }

  /** Asks for an immediate pass; a nudge during a pass makes the relay run another one before it sleeps. */
  nudge(): void {
    this.nudged = true;
    const wake = this.wake;
    if (!wake) return;
    this.wake = undefined;
    // A moment for the commits that come together (a burst, the emits of one request) to share one pass.
    setTimeout(wake, this.options.coalesceMs ?? 2);
  }

  private async run(): Promise<void> {
    let passDue = true;
    let woken = false;
    while (this.running) {
      let published = 0;
      let failed = false;
      this.nudged = false;
      try {
        const republished = (await this.options.storeReset?.maybeCheck()) ?? 0;
        if (passDue || republished > 0) published = await this.relayOnce();
      } catch (error) {
        failed = true;
        this.logger.error(`Outbox relay pass failed: ${(error as Error).message}`);
        // A failing pass may mean a lost queue store (a wiped PostgreSQL queue schema): look at the marker soon.
        this.options.storeReset?.checkWithin(this.options.pollMs);
      }
      // Activity (or trouble) makes the next polls short again.
      if (published > 0 || woken || this.nudged || failed) this.idleWaitMs = this.options.pollMs;
      if (published > 0 || this.nudged) {
        passDue = true;
        continue;
      }
      if (!this.running) break;
      if (passDue) {
        this.pollAt = Date.now() + this.idleWaitMs;
        this.idleWaitMs = Math.min(this.idleWaitMs * 2, Math.max(this.options.idlePollMaxMs ?? 0, this.options.pollMs));
      }
      // The queue store check is due on its own period; waking for it runs no outbox pass unless the poll is due too.
      const untilPoll = Math.max(0, this.pollAt - Date.now());
      woken = await this.sleep(Math.min(untilPoll, this.options.storeReset?.msUntilCheck() ?? Infinity));
      passDue = woken || Date.now() >= this.pollAt - 1;
    }
  }

  /** Waits `ms`, or less when nudged (then answers true). */
  private sleep(ms: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve(false);
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /** One pass: claim a batch, publish it, mark it sent, all in one transaction. Returns the number of rows. */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<OutboxRow[]>(
        `SELECT id, job_name, payload, correlation_id, created_at FROM outbox
          WHERE sent_at IS NULL ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize ?? 100],
      );
      if (rows.length === 0) return 0;
      const byConsumer = new Map<ServiceName, { name: JobName; data: JobEnvelope; opts: JobsOptions }[]>();
      for (const row of rows) {
        const envelope: JobEnvelope = {
          messageId: row.id,
          name: row.job_name,
          payload: row.payload,
          correlationId: row.correlation_id,
          source: this.options.source,
          occurredAt: new Date(row.created_at).toISOString(),
        };
        for (const consumer of consumersOf(row.job_name) ?? []) {
          const jobs = byConsumer.get(consumer) ?? [];
          jobs.push({ name: row.job_name, data: envelope, opts: { ...this.options.jobOptions, jobId: row.id } });
          byConsumer.set(consumer, jobs);
        }
      }
      await Promise.all([...byConsumer].map(([consumer, jobs]) => this.queueFor(consumer).addBulk(jobs)));
      const ids = rows.map((r) => r.id);
      await this.options.afterPublish?.(ids);
      await manager.query('UPDATE outbox SET sent_at = now() WHERE id = ANY($1::uuid[])', [ids]);
      for (const row of rows) this.metrics?.published.inc({ job: row.job_name });
      return rows.length;
    });
  }
}
