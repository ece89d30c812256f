import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface NotificationRecord {
  id: string;
  userId: string;
  eventType: string;
  title: string;
  body: string;
  linkPath: string;
  subjectKind: string;
  subjectId: string;
  /** The event's facts (ids, stages, numbers, ISO dates), for wording the item in the reader's language. */
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

export interface NewNotification {
  userId: string;
  messageId: string;
  eventType: string;
  title: string;
  body: string;
  linkPath: string;
  subjectKind: string;
  subjectId: string;
  data: Record<string, unknown>;
}

interface Row {
  id: string;
  user_id: string;
  event_type: string;
  title: string;
  body: string;
  link_path: string;
  subject_kind: string;
  subject_id: string;
  data: Record<string, unknown> | null;
  created_at: Date;
  read_at: Date | null;
}

const toRecord = (r: Row): NotificationRecord => ({
  id: String(r.id),
  userId: r.user_id,
  eventType: r.event_type,
  title: r.title,
  body: r.body,
  linkPath: r.link_path,
  subjectKind: r.subject_kind,
  subjectId: r.subject_id,
  data: r.data ?? {},
  createdAt: new Date(r.created_at),
  readAt: r.read_at ? new Date(r.read_at) : null,
});

/** Live streams LISTEN on this channel; the payload is the recipient's user id. */
export const INBOX_CHANNEL = 'notifications_inbox';
// Serializes inserts until commit, so ids become visible in increasing order and a stream that has sent id N
// never later finds a smaller one committing (SSE Last-Event-ID relies on it).
const INSERT_ORDER_LOCK = 'notifications.notification.insert_order';

@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the handler's transaction: one item per person (a second insert for the same event is ignored). */
  async insert(manager: EntityManager, items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [INSERT_ORDER_LOCK]);
    const rows = await manager.query<{ user_id: string }[]>(
      `INSERT INTO notification (user_id, message_id, event_type, title, body, link_path, subject_kind, subject_id, data)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[],
         $9::jsonb[])
       ON CONFLICT (message_id, user_id) DO NOTHING RETURNING user_id`,
      [
        items.map((i) => i.userId),
        items.map((i) => i.messageId),
        items.map((i) => i.eventType),
        items.map((i) => i.title),
        items.map((i) => i.body),
        items.map((i) => i.linkPath),
        items.map((i) => i.subjectKind),
        items.map((i) => i.subjectId),
        items.map((i) => JSON.stringify(i.data)),
      ],
    );
    // Delivered by PostgreSQL on commit only, to every replica's listener.
    for (const { user_id } of rows) await manager.query('SELECT pg_notify($1, $2)', [INBOX_CHANNEL, user_id]);
  }

  /** Unread first, then newest first. */
  async list(
    userId: string,
    filter: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<{ items: NotificationRecord[]; total: number }> {
    const where = `user_id = $1${filter.unreadOnly ? ' AND read_at IS NULL' : ''}`;
    const rows = await this.dataSource.query<Row[]>(
      `SELECT * FROM notification WHERE ${where} ORDER BY (read_at IS NULL) DESC, id DESC LIMIT $2 OFFSET $3`,
      [userId, filter.limit, filter.offset],
    );
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notification WHERE ${where}`,
      [userId],
    );
    return { items: rows.map(toRecord), total: n };
  }

  async unreadCount(userId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notification WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return n;
  }

  /** Marks one of the person's own items read (keeps the first read time); null when it is not theirs. */
  async markRead(userId: string, id: string, now: Date): Promise<NotificationRecord | null> {
    const [rows] = await this.dataSource.query<[Row[], number]>(
      `UPDATE notification SET read_at = COALESCE(read_at, $3) WHERE id = $1 AND user_id = $2 RETURNING *`,
      [id, userId, now],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      'UPDATE notification SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL',
      [userId, now],
    );
    return count;
  }

  /** The person's items after an id, oldest first: what a stream has not sent yet. */
  async after(userId: string, afterId: string, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.dataSource.query<Row[]>(
      'SELECT * FROM notification WHERE user_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [userId, afterId, limit],
    );
    return rows.map(toRecord);
  }

  async latestId(userId: string): Promise<string> {
    const [{ id }] = await this.dataSource.query<{ id: string }[]>(
      'SELECT COALESCE(max(id), 0)::text AS id FROM notification WHERE user_id = $1',
      [userId],
    );
    return id;
  }
}
