import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DigestItem, DigestMode, NotifiableEvent } from '@dealgate/domain';

export interface NewMail {
  userId: string;
  messageId: string;
  eventType: NotifiableEvent;
  title: string;
  body: string;
  linkPath: string;
  /** Waits for the person's digest instead of going out on its own. */
  held: boolean;
}

export interface ClaimedMail {
  id: string;
  userId: string;
  kind: 'event' | 'digest';
  title: string;
  body: string;
  linkPath: string | null;
  attempts: number;
}

export interface HeldMailSummary {
  userId: string;
  digest: DigestMode;
  lastDigestAt: Date | null;
  oldestHeldAt: Date;
}

interface ClaimRow {
  id: string;
  user_id: string;
  kind: 'event' | 'digest';
  title: string;
  body: string;
  link_path: string | null;
  attempts: number;
}

export const ABANDONED = 'outcome unknown: the sender stopped while sending (sent again with the same Message-ID)';

/** The e-mail outbox. A row moves pending -> sending -> sent | pending (retry) | failed | skipped. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue(manager: EntityManager, mails: NewMail[]): Promise<void> {
    for (const m of mails) {
      await manager.query(
        `INSERT INTO mail (user_id, message_id, event_type, kind, status, title, body, link_path)
         VALUES ($1, $2, $3, 'event', $4, $5, $6, $7) ON CONFLICT (message_id, user_id) DO NOTHING`,
        [m.userId, m.messageId, m.eventType, m.held ? 'held' : 'pending', m.title, m.body, m.linkPath],
      );
    }
  }

  /**
   * A row left in `sending` past its lease means its sender died between the claim and marking it sent: the message
   * may or may not have gone out. It is sent again with the same Message-ID (at least once; mail systems and clients
   * drop a repeated Message-ID), while attempts remain; after the last one it is failed.
   */
  async resendAbandoned(now: Date, maxAttempts: number): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE mail SET status = CASE WHEN attempts < $2 THEN 'pending' ELSE 'failed' END,
              next_attempt_at = $1, last_error = $3
        WHERE status = 'sending' AND next_attempt_at <= $1`,
      [now, maxAttempts, ABANDONED],
    );
    return count;
  }

  /** Claims due rows (replicas skip each other's) and commits `sending` before any SMTP traffic. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    const [rows] = await this.dataSource.query<[ClaimRow[], number]>(
      `UPDATE mail SET status = 'sending', attempts = attempts + 1, next_attempt_at = $2
        WHERE id IN (SELECT id FROM mail WHERE status = 'pending' AND next_attempt_at <= $1
                     ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id, user_id, kind, title, body, link_path, attempts`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      linkPath: r.link_path,
      attempts: r.attempts,
    }));
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.dataSource.query(`UPDATE mail SET status = 'sent', sent_at = $2, last_error = NULL WHERE id = $1`, [
      id,
      now,
    ]);
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail SET status = 'skipped', last_error = $2 WHERE id = $1`, [id, reason]);
  }

  async retryAt(id: string, at: Date, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail SET status = 'pending', next_attempt_at = $2, last_error = $3 WHERE id = $1`,
      [id, at, error.slice(0, 1000)],
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail SET status = 'failed', last_error = $2 WHERE id = $1`, [
      id,
      error.slice(0, 1000),
    ]);
  }

  /** The items a digest row bundles, for rendering it. */
  async digestItems(digestId: string): Promise<DigestItem[]> {
    const rows = await this.dataSource.query<
      { event_type: NotifiableEvent; title: string; body: string; link_path: string; created_at: Date }[]
    >(`SELECT event_type, title, body, link_path, created_at FROM mail WHERE digest_id = $1 ORDER BY created_at`, [
      digestId,
    ]);
    return rows.map((r) => ({
      eventType: r.event_type,
      title: r.title,
      body: r.body,
      linkPath: r.link_path,
      createdAt: new Date(r.created_at),
    }));
  }

  /** People with e-mails waiting for a digest. */
  async heldSummaries(): Promise<HeldMailSummary[]> {
    const rows = await this.dataSource.query<
      { user_id: string; digest: DigestMode | null; last_digest_at: Date | null; oldest: Date }[]
    >(
      `SELECT m.user_id, s.digest, s.last_digest_at, min(m.created_at) AS oldest
         FROM mail m LEFT JOIN email_setting s ON s.user_id = m.user_id
        WHERE m.status = 'held' GROUP BY m.user_id, s.digest, s.last_digest_at`,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      digest: r.digest ?? 'off',
      lastDigestAt: r.last_digest_at ? new Date(r.last_digest_at) : null,
      oldestHeldAt: new Date(r.oldest),
    }));
  }

  /**
   * Bundles what waits for one person into one pending digest row, in one transaction (held rows are locked, so
   * two sweeps never bundle the same e-mail twice). Returns the digest id, or null when nothing waited.
   */
  async bundle(userId: string, subject: (count: number) => string, now: Date): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const held = await manager.query<{ id: string }[]>(
        `SELECT id FROM mail WHERE user_id = $1 AND status = 'held' ORDER BY created_at FOR UPDATE SKIP LOCKED`,
        [userId],
      );
      if (held.length === 0) return null;
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO mail (user_id, kind, status, title, body) VALUES ($1, 'digest', 'pending', $2, '') RETURNING id`,
        [userId, subject(held.length)],
      );
      await manager.query(`UPDATE mail SET status = 'bundled', digest_id = $1 WHERE id = ANY($2::uuid[])`, [
        id,
        held.map((h) => h.id),
      ]);
      await manager.query(
        `INSERT INTO email_setting (user_id, last_digest_at) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET last_digest_at = EXCLUDED.last_digest_at`,
        [userId, now],
      );
      return id;
    });
  }
}
