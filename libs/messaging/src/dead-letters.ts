import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobEnvelope } from '@dealgate/messages';
import { DeadLetter } from './dead-letter.view';
export { DeadLetter };

interface DeadLetterRow {
  id: string;
  message_id: string;
  job_name: string;
  envelope: JobEnvelope;
  error: string;
  attempts: number;
  failed_at: Date;
  replayed_at: Date | null;
  replay_count: number;
}

const toDeadLetter = (r: DeadLetterRow): DeadLetter => ({
  id: r.id,
  messageId: r.message_id,
  jobName: r.job_name,
  envelope: r.envelope,
  error: r.error,
  attempts: r.attempts,
  failedAt: new Date(r.failed_at).toISOString(),
  replayedAt: r.replayed_at ? new Date(r.replayed_at).toISOString() : null,
  replayCount: r.replay_count,
});

/** Jobs that failed for good, kept with their error; listed and replayed by the admin API and the CLI. */
export class DeadLetterStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ownQueue: () => Queue,
  ) {}

  async record(envelope: JobEnvelope, error: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letter (message_id, job_name, envelope, error, attempts) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id, attempts) DO NOTHING`,
      [envelope.messageId, String(envelope.name), JSON.stringify(envelope), error.slice(0, 4000), attempts],
    );
  }

  async list(options: {
    limit: number;
    offset: number;
    includeReplayed?: boolean;
  }): Promise<{ items: DeadLetter[]; total: number }> {
    const where = options.includeReplayed ? '' : 'WHERE replayed_at IS NULL';
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `SELECT * FROM dead_letter ${where} ORDER BY failed_at DESC LIMIT $1 OFFSET $2`,
      [options.limit, options.offset],
    );
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM dead_letter ${where}`,
    );
    return { items: rows.map(toDeadLetter), total: count };
  }

  async get(id: string): Promise<DeadLetter | null> {
    const rows = await this.dataSource.query<DeadLetterRow[]>('SELECT * FROM dead_letter WHERE id = $1', [id]);
    return rows[0] ? toDeadLetter(rows[0]) : null;
  }

  /**
   * Puts the job back on this service's queue with a fresh attempt budget. The message id is unchanged, so the
   * inbox still guarantees at most one effect.
   */
  async replay(id: string): Promise<DeadLetter | null> {
    return this.dataSource.transaction(async (manager) => {
      // UPDATE … RETURNING answers [rows, affected count] through TypeORM's postgres driver.
      const [rows] = await manager.query<[DeadLetterRow[], number]>(
        'UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = $1 RETURNING *',
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const data = { ...row.envelope, attempt: 1, replay: row.replay_count };
      await this.ownQueue().add(row.job_name, data, { jobId: `${row.envelope.messageId}-r${row.replay_count}-a1` });
      return toDeadLetter(row);
    });
  }
}
