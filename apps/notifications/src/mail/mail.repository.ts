import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { DigestItem, DigestMode } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { markForCommitWake } from '@dealgate/messaging';
import { EmailSettingEntity } from '../preferences/email-setting.entity';
import { MailEntity } from './mail.entity';
import { ClaimedMail, HeldMailSummary, MAIL_OUTBOX_SWEEP, NewMail } from './mail.records';
export type { ClaimedMail, HeldMailSummary, NewMail };

export const ABANDONED = 'outcome unknown: the sender stopped while sending (sent again with the same Message-ID)';

/** The longest error text kept on a row. */
const ERROR_LENGTH = 1000;

/**
 * The e-mail outbox. A row moves pending -> sending -> sent | pending (retry) | failed | skipped. The entity stays in
 * here: callers give and get records (mail.records.ts). Rows are read and written through the entity metadata (query
 * builder; claims lock with SKIP LOCKED); the one set-based read left in SQL is the per-person summary of held
 * e-mails (heldSummaries), an aggregate over two tables.
 */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue(manager: EntityManager, mails: NewMail[]): Promise<void> {
    if (mails.length === 0) return;
    // Its commit runs the mail sweep at once (held e-mails wait for a digest).
    if (mails.some((m) => !m.held)) markForCommitWake(manager, MAIL_OUTBOX_SWEEP);
    await manager
      .createQueryBuilder()
      .insert()
      .into(MailEntity)
      .values(
        mails.map((m): Partial<MailEntity> => ({
          userId: m.userId,
          messageId: m.messageId,
          eventType: m.eventType,
          kind: 'event',
          status: m.held ? 'held' : 'pending',
          title: m.title,
          body: m.body,
          linkPath: m.linkPath,
        })),
      )
      // (message_id, user_id) is the only unique constraint a new row can meet (the id is fresh).
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /**
   * A row left in `sending` past its lease means its sender died between the claim and marking it sent: the message
   * may or may not have gone out. It is sent again with the same Message-ID (at least once; mail systems and clients
   * drop a repeated Message-ID), while attempts remain; after the last one it is failed.
   */
  async resendAbandoned(now: Date, maxAttempts: number): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(MailEntity)
      .set({
        status: () => `CASE WHEN attempts < :maxAttempts THEN 'pending' ELSE 'failed' END`,
        nextAttemptAt: now,
        lastError: ABANDONED,
      })
      .setParameter('maxAttempts', maxAttempts)
      .where({ status: 'sending', nextAttemptAt: LessThanOrEqual(now) })
      .execute();
    return result.affected ?? 0;
  }

  /** Claims due rows (replicas skip each other's) and commits `sending` before any SMTP traffic. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(MailEntity, 'm')
        .select('m.id')
        .where({ status: 'pending', nextAttemptAt: LessThanOrEqual(now) })
        .orderBy('m.nextAttemptAt')
        .limit(limit)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return [];
      const result = await manager
        .createQueryBuilder()
        .update(MailEntity)
        .set({ status: 'sending', attempts: () => 'attempts + 1', nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where({ id: In(due.map((m) => m.id)) })
        .returning('*')
        .execute();
      return hydrateRows(manager, MailEntity, result.raw as Record<string, unknown>[]).map(toClaimed);
    });
  }

  async markSent(id: string, now: Date): Promise<void> {
    await this.set(id, { status: 'sent', sentAt: now, lastError: null });
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.set(id, { status: 'skipped', lastError: reason });
  }

  async retryAt(id: string, at: Date, error: string): Promise<void> {
    await this.set(id, { status: 'pending', nextAttemptAt: at, lastError: error.slice(0, ERROR_LENGTH) });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.set(id, { status: 'failed', lastError: error.slice(0, ERROR_LENGTH) });
  }

  /** The items a digest row bundles, for rendering it. */
  async digestItems(digestId: string): Promise<DigestItem[]> {
    const bundled = await this.dataSource.manager.find(MailEntity, {
      where: { digestId },
      order: { createdAt: 'ASC' },
    });
    return bundled.map((m) => ({
      // Bundled rows are event e-mails: these are set on every one (only a digest row leaves them null).
      eventType: m.eventType!,
      title: m.title,
      body: m.body,
      linkPath: m.linkPath!,
      createdAt: m.createdAt,
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
      const held = await manager
        .createQueryBuilder(MailEntity, 'm')
        .select('m.id')
        .where({ userId, status: 'held' })
        .orderBy('m.createdAt')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (held.length === 0) return null;
      markForCommitWake(manager, MAIL_OUTBOX_SWEEP);
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(MailEntity)
        .values({ userId, kind: 'digest', status: 'pending', title: subject(held.length), body: '' })
        .returning('id')
        .updateEntity(false)
        .execute();
      const [{ id }] = inserted.raw as { id: string }[];
      await manager
        .createQueryBuilder()
        .update(MailEntity)
        .set({ status: 'bundled', digestId: id })
        .where({ id: In(held.map((h) => h.id)) })
        .execute();
      // digest and updated_at are the person's: an insert leaves them to the columns' defaults, an update keeps them.
      await manager
        .createQueryBuilder()
        .insert()
        .into(EmailSettingEntity)
        .values({ userId, lastDigestAt: now })
        .orUpdate(['last_digest_at'], ['user_id'])
        .updateEntity(false)
        .execute();
      return id;
    });
  }

  private async set(id: string, changes: Partial<Omit<MailEntity, 'id'>>): Promise<void> {
    await this.dataSource.createQueryBuilder().update(MailEntity).set(changes).where({ id }).execute();
  }
}

function toClaimed(e: MailEntity): ClaimedMail {
  return {
    id: e.id,
    userId: e.userId,
    kind: e.kind,
    title: e.title,
    body: e.body,
    linkPath: e.linkPath,
    attempts: e.attempts,
  };
}
