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
   * replica whose relay is down, or by hand).
   */
  pollMs: number;
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
 * once; an idle relay only wakes for its safety poll every `pollMs`.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** Set by a nudge: another pass is due even when the current one found nothing (its rows may have committed since). */
  private nudged = false;
  private readonly commitHook?: OutboxCommitHook;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queueFor: (consumer: ServiceName) => Queue,
    private readonly options: OutboxRelayOptions,
    private readonly metrics?: MessagingMetrics,
  ) {
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
    while (this.running) {
      let published = 0;
      this.nudged = false;
      try {
        await this.options.storeReset?.maybeCheck();
        published = await this.relayOnce();
      } catch (error) {
        this.logger.error(`Outbox relay pass failed: ${(error as Error).message}`);
      }
      if (published === 0 && this.running && !this.nudged) {
        await new Promise<void>((resolve) => {
          // The queue store check (store-reset.ts) is due on its own period, which may be shorter than the poll.
          const timer = setTimeout(
            resolve,
            Math.min(this.options.pollMs, this.options.storeReset?.msUntilCheck() ?? Infinity),
          );
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
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
