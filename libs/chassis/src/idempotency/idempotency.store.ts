import type { DataSource } from 'typeorm';

/** How long a key answers with its first response (Stripe's window). */
export const IDEMPOTENCY_WINDOW_HOURS = 24;
/**
 * A request still running after this long under its key, with nothing committed, is taken for lost (its process
 * died before its transaction committed): the key is free. One that committed keeps its key (`answer-lost`).
 */
export const IDEMPOTENCY_LOST_AFTER_SECONDS = 60;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'other-body' }
  | { kind: 'in-progress' }
  /** The first request committed its effect but died before its answer was kept: never run again. */
  | { kind: 'answer-lost' };

/** The service's `idempotency_key` table: one row per caller and key, holding the first response once it is known. */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Takes the key for this request, or says what the first request with it did. */
  async claim(principal: string, key: string, fingerprint: string): Promise<Claim> {
    // An expired key, or one whose request died before committing anything, is free again.
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE principal = $1 AND key = $2
          AND (created_at < now() - make_interval(hours => $3)
               OR (status IS NULL AND committed_at IS NULL AND created_at < now() - make_interval(secs => $4)))`,
      [principal, key, IDEMPOTENCY_WINDOW_HOURS, IDEMPOTENCY_LOST_AFTER_SECONDS],
    );
    const inserted = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_key (principal, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING key`,
      [principal, key, fingerprint],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const [row] = await this.dataSource.query<
      { fingerprint: string; status: number | null; body: unknown; lost: boolean }[]
    >(
      `SELECT fingerprint, status, body,
              (committed_at IS NOT NULL AND created_at < now() - make_interval(secs => $3)) AS lost
         FROM idempotency_key WHERE principal = $1 AND key = $2`,
      [principal, key, IDEMPOTENCY_LOST_AFTER_SECONDS],
    );
    // Gone between the two statements (expired): treat as in progress, the client retries.
    if (!row) return { kind: 'in-progress' };
    if (row.fingerprint !== fingerprint) return { kind: 'other-body' };
    if (row.status === null) return row.lost ? { kind: 'answer-lost' } : { kind: 'in-progress' };
    return { kind: 'replay', status: row.status, body: row.body };
  }

  async complete(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query('UPDATE idempotency_key SET status = $3, body = $4 WHERE principal = $1 AND key = $2', [
      principal,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  /** The request failed before committing anything: the key is free, so the client may retry it. */
  async release(principal: string, key: string): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM idempotency_key WHERE principal = $1 AND key = $2 AND status IS NULL AND committed_at IS NULL',
      [principal, key],
    );
  }

  /** Drops keys past the window (the purge sweep). */
  async purge(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      'DELETE FROM idempotency_key WHERE created_at < now() - make_interval(hours => $1)',
      [IDEMPOTENCY_WINDOW_HOURS],
    );
    return count;
  }
}
