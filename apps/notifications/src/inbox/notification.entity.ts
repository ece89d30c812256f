import { Column, Entity, PrimaryColumn } from 'typeorm';

// Decorator entities, as in apps/approvals (see its requests/request.entity.ts): every column names its database name
// and type; the migrations own the schema (defaults, checks, indexes), and
// tools/migrations/entities-match-schema.int-spec.ts holds these columns to what they build.

/** One row of `notification`: an inbox item; only InboxRepository sees it. */
@Entity({ name: 'notification' })
export class NotificationEntity {
  /** bigserial: the driver hands it over as text (it orders the live stream, SSE event ids). */
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'link_path', type: 'text' })
  linkPath!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @Column({ name: 'data', type: 'jsonb' })
  data!: Record<string, unknown>;
}
