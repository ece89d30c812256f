// What InboxRepository hands out and takes: camelCase records. The entity (notification.entity.ts) and the raw rows
// of its set-based reads stay inside the repository.

/** An inbox item as stored. */
export interface NotificationRecord {
  /** bigserial as text: it orders the live stream (SSE event ids). */
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

/** One item to store: one per event and person. */
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

export interface InboxFilter {
  unreadOnly: boolean;
  limit: number;
  offset: number;
}
