import { Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobEnvelope, JobName, ServiceName, consumersOf } from '@dealgate/messages';
import { MessagingMetrics } from './messaging-metrics';
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
  pollMs: number;
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
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queueFor: (consumer: ServiceName) => Queue,
    private readonly options: OutboxRelayOptions,
    private readonly metrics?: MessagingMetrics,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Asks for an immediate pass (e.g. right after a commit that wrote to the outbox). */
  nudge(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        await this.options.storeReset?.maybeCheck();
        published = await this.relayOnce();
      } catch (error) {
        this.logger.error(`Outbox relay pass failed: ${(error as Error).message}`);
      }
      if (published === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
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
