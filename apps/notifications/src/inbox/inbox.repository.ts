import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, IsNull, MoreThan, QueryDeepPartialEntity } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { NotificationEntity } from './notification.entity';
import { InboxFilter, NewNotification, NotificationRecord } from './notification.records';
export type { NewNotification, NotificationRecord };

/** Live streams LISTEN on this channel; the payload is the recipient's user id. */
export const INBOX_CHANNEL = 'notifications_inbox';
// Serializes inserts until commit, so ids become visible in increasing order and a stream that has sent id N
// never later finds a smaller one committing (SSE Last-Event-ID relies on it).
const INSERT_ORDER_LOCK = 'notifications.notification.insert_order';

/**
 * A person's inbox items. The entity stays in here: callers give and get records (notification.records.ts). Reads and
 * writes go through the entity metadata (entity manager, query builder); the only SQL left is PostgreSQL's own
 * functions (the insert-order advisory lock, pg_notify), which have no query-builder form.
 */
@Injectable()
export class InboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside the handler's transaction: one item per person (a second insert for the same event is ignored). */
  async insert(manager: EntityManager, items: NewNotification[]): Promise<void> {
    if (items.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [INSERT_ORDER_LOCK]);
    // Every column but id and created_at (the columns' defaults): typed as the entity so a column left out fails to compile.
    const rows: Omit<NotificationEntity, 'id' | 'createdAt' | 'readAt'>[] = items.map((i) => ({
      userId: i.userId,
      messageId: i.messageId,
      eventType: i.eventType,
      title: i.title,
      body: i.body,
      linkPath: i.linkPath,
      subjectKind: i.subjectKind,
      subjectId: i.subjectId,
      data: i.data,
    }));
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      // The cast: the query builder's deep-partial type does not take an open jsonb record (data).
      .values(rows as QueryDeepPartialEntity<NotificationEntity>[])
      // (message_id, user_id) is the only unique constraint a new row can meet (the id is fresh).
      .orIgnore()
      .returning('user_id')
      .updateEntity(false)
      .execute();
    // Delivered by PostgreSQL on commit only, to every replica's listener.
    for (const { user_id } of result.raw as { user_id: string }[]) {
      await manager.query('SELECT pg_notify($1, $2)', [INBOX_CHANNEL, user_id]);
    }
  }

  /** Unread first, then newest first. */
  async list(userId: string, filter: InboxFilter): Promise<{ items: NotificationRecord[]; total: number }> {
    const where = ofUser(userId, filter.unreadOnly);
    const entities = await this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where(where)
      .orderBy('n.readAt IS NULL', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(filter.limit)
      .offset(filter.offset)
      .getMany();
    const total = await this.dataSource.manager.countBy(NotificationEntity, where);
    return { items: entities.map(toRecord), total };
  }

  async unreadCount(userId: string): Promise<number> {
    return this.dataSource.manager.countBy(NotificationEntity, ofUser(userId, true));
  }

  /** Marks one of the person's own items read (keeps the first read time); null when it is not theirs. */
  async markRead(userId: string, id: string, now: Date): Promise<NotificationRecord | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: () => 'COALESCE(read_at, :now)' })
      .setParameter('now', now)
      .where({ id, userId })
      .returning('*')
      .execute();
    const [entity] = hydrateRows(this.dataSource.manager, NotificationEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toRecord(entity);
  }

  async markAllRead(userId: string, now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: now })
      .where(ofUser(userId, true))
      .execute();
    return result.affected ?? 0;
  }

  /** The person's items after an id, oldest first: what a stream has not sent yet. */
  async after(userId: string, afterId: string, limit: number): Promise<NotificationRecord[]> {
    const entities = await this.dataSource.manager.find(NotificationEntity, {
      where: { userId, id: MoreThan(afterId) },
      order: { id: 'ASC' },
      take: limit,
    });
    return entities.map(toRecord);
  }

  async latestId(userId: string): Promise<string> {
    const row = await this.dataSource.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .select('COALESCE(max(n.id), 0)::text', 'id')
      .where({ userId })
      .getRawOne<{ id: string }>();
    return row!.id;
  }
}

function ofUser(userId: string, unreadOnly: boolean): FindOptionsWhere<NotificationEntity> {
  return unreadOnly ? { userId, readAt: IsNull() } : { userId };
}

function toRecord(e: NotificationEntity): NotificationRecord {
  return {
    id: e.id,
    userId: e.userId,
    eventType: e.eventType,
    title: e.title,
    body: e.body,
    linkPath: e.linkPath,
    subjectKind: e.subjectKind,
    subjectId: e.subjectId,
    data: e.data ?? {},
    createdAt: e.createdAt,
    readAt: e.readAt,
  };
}
