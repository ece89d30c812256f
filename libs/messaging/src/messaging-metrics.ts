import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

export class MessagingMetrics {
  readonly processed: Counter<'job'>;
  readonly failed: Counter<'job'>;
  readonly retried: Counter<'job'>;
  readonly duplicates: Counter<'job'>;
  readonly duration: Histogram<'job'>;
  readonly published: Counter<'job'>;

  constructor(registry: Registry, dataSource: DataSource) {
    const registers = [registry];
    this.processed = new Counter({
      name: 'jobs_processed_total',
      help: 'Jobs handled with success',
      labelNames: ['job'],
      registers,
    });
    this.failed = new Counter({
      name: 'jobs_failed_total',
      help: 'Jobs that failed for good (dead-lettered)',
      labelNames: ['job'],
      registers,
    });
    this.retried = new Counter({
      name: 'jobs_retried_total',
      help: 'Job attempts that failed and were scheduled again',
      labelNames: ['job'],
      registers,
    });
    this.duplicates = new Counter({
      name: 'jobs_duplicate_total',
      help: 'Redeliveries acknowledged without a second effect',
      labelNames: ['job'],
      registers,
    });
    this.duration = new Histogram({
      name: 'job_duration_seconds',
      help: 'Job handling time',
      labelNames: ['job'],
      registers,
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    });
    this.published = new Counter({
      name: 'outbox_published_total',
      help: 'Outbox rows published to their queues',
      labelNames: ['job'],
      registers,
    });
    const scalar = async (sql: string): Promise<number> => {
      if (!dataSource.isInitialized) return 0;
      const [row] = await dataSource.query<{ value: string | number | null }[]>(sql);
      return Number(row?.value ?? 0);
    };
    new Gauge({
      name: 'outbox_backlog',
      help: 'Outbox rows not yet published',
      registers,
      async collect() {
        this.set(await scalar('SELECT count(*) AS value FROM outbox WHERE sent_at IS NULL'));
      },
    });
    new Gauge({
      name: 'outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest unpublished outbox row',
      registers,
      async collect() {
        this.set(
          await scalar(
            'SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0) AS value FROM outbox WHERE sent_at IS NULL',
          ),
        );
      },
    });
    new Gauge({
      name: 'dead_letters',
      help: 'Dead letters not replayed',
      registers,
      async collect() {
        this.set(await scalar('SELECT count(*) AS value FROM dead_letter WHERE replayed_at IS NULL'));
      },
    });
  }
}
