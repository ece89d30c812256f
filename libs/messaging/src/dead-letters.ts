import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobEnvelope } from '@dealgate/messages';
import { DeadLetter, FailedAttempt } from './dead-letter.view';
export { DeadLetter, FailedAttempt };

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
  history: { replay: number; attempt: number; error: string; failed_at: string }[];
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
  history: r.history.map((h) => ({
    replay: h.replay,
    attempt: h.attempt,
    error: h.error,
    failedAt: new Date(h.failed_at).toISOString(),
  })),
});

// Each dead letter with its attempts, oldest first.
const SELECT_WITH_HISTORY = `
  SELECT d.*, COALESCE(
    (SELECT json_agg(json_build_object('replay', a.replay, 'attempt', a.attempt, 'error', a.error,
                                       'failed_at', a.failed_at) ORDER BY a.failed_at, a.replay, a.attempt)
       FROM failed_attempt a WHERE a.message_id = d.message_id), '[]') AS history
  FROM dead_letter d`;

const ERROR_LIMIT = 4000;

/** Jobs that failed for good, kept with their error; listed and replayed by the admin API and the CLI. */
export class DeadLetterStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ownQueue: () => Queue,
  ) {}

  /** One failed attempt, for the history (idempotent: a redelivered failure of the same attempt is kept once). */
  async recordAttempt(envelope: JobEnvelope & { replay?: number }, attempt: number, error: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO failed_attempt (message_id, replay, attempt, error) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [envelope.messageId, envelope.replay ?? 0, attempt, error.slice(0, ERROR_LIMIT)],
    );
  }

  /**
   * The job failed for good. Recorded once per message and attempt count; a replay that fails again updates that
   * row (its error and time) and clears `replayed_at`, so it is listed again instead of vanishing from the default
   * list.
   */
  async record(envelope: JobEnvelope, error: string, attempts: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letter (message_id, job_name, envelope, error, attempts) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (message_id, attempts) DO UPDATE
         SET error = EXCLUDED.error, failed_at = now(), replayed_at = NULL
         WHERE dead_letter.replayed_at IS NOT NULL`,
      [envelope.messageId, String(envelope.name), JSON.stringify(envelope), error.slice(0, ERROR_LIMIT), attempts],
    );
  }

  async list(options: {
    limit: number;
    offset: number;
    includeReplayed?: boolean;
  }): Promise<{ items: DeadLetter[]; total: number }> {
    const where = options.includeReplayed ? '' : 'WHERE replayed_at IS NULL';
    const rows = await this.dataSource.query<DeadLetterRow[]>(
      `${SELECT_WITH_HISTORY} ${where.replace('replayed_at', 'd.replayed_at')} ORDER BY d.failed_at DESC LIMIT $1 OFFSET $2`,
      [options.limit, options.offset],
    );
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM dead_letter ${where}`,
    );
    return { items: rows.map(toDeadLetter), total: count };
  }

  async get(id: string): Promise<DeadLetter | null> {
    const rows = await this.dataSource.query<DeadLetterRow[]>(`${SELECT_WITH_HISTORY} WHERE d.id = $1`, [id]);
    return rows[0] ? toDeadLetter(rows[0]) : null;
  }

  /**
   * Puts the job back on this service's queue with a fresh attempt budget. The message id is unchanged, so the
   * inbox still guarantees at most one effect.
   */
  async replay(id: string): Promise<DeadLetter | null> {
    const found = await this.dataSource.transaction(async (manager) => {
      // UPDATE … RETURNING answers [rows, affected count] through TypeORM's postgres driver.
      const [rows] = await manager.query<[DeadLetterRow[], number]>(
        'UPDATE dead_letter SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = $1 RETURNING *',
        [id],
      );
      const row = rows[0];
      if (!row) return false;
      const data = { ...row.envelope, attempt: 1, replay: row.replay_count };
      await this.ownQueue().add(row.job_name, data, { jobId: `${row.envelope.messageId}-r${row.replay_count}-a1` });
      return true;
    });
    return found ? this.get(id) : null;
  }
}
