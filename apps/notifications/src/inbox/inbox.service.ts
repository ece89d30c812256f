import { Injectable } from '@nestjs/common';
import { Clock, Page, toPage } from '@dealgate/common';
import { NotificationErrorCode, notificationError } from '@dealgate/domain';
import { linkTo } from '../mail/mail-templates';
import { NotificationsEnv } from '../notifications.env';
import { InboxRepository } from './inbox.repository';
import { NotificationRecord } from './notification.records';
import { InboxQuery, NotificationView, ReadAllView, UnreadCountView } from './inbox.dto';

/** A person's own inbox; every query is scoped to the caller, so someone else's item is simply not found. */
@Injectable()
export class InboxService {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly config: NotificationsEnv,
    private readonly clock: Clock,
  ) {}

  view(record: NotificationRecord): NotificationView {
    return {
      id: record.id,
      eventType: record.eventType,
      title: record.title,
      body: record.body,
      linkPath: record.linkPath,
      url: linkTo(this.config.PUBLIC_URL, record.linkPath),
      subject: { kind: record.subjectKind, id: record.subjectId },
      data: record.data,
      createdAt: record.createdAt.toISOString(),
      readAt: record.readAt?.toISOString() ?? null,
    };
  }

  async list(userId: string, query: InboxQuery): Promise<Page<NotificationView>> {
    const { items, total } = await this.inbox.list(userId, {
      unreadOnly: query.unread ?? false,
      limit: query.limit,
      offset: query.offset,
    });
    return toPage(
      items.map((r) => this.view(r)),
      total,
      query,
    );
  }

  async unreadCount(userId: string): Promise<UnreadCountView> {
    return { unread: await this.inbox.unreadCount(userId) };
  }

  async markRead(userId: string, id: string): Promise<NotificationView> {
    const record = await this.inbox.markRead(userId, id, this.clock.now());
    if (!record)
      throw notificationError(NotificationErrorCode.NotificationNotFound, `No notification ${id} in your inbox.`);
    return this.view(record);
  }

  async markAllRead(userId: string): Promise<ReadAllView> {
    return { marked: await this.inbox.markAllRead(userId, this.clock.now()) };
  }
}
