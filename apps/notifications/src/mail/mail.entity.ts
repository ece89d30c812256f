import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotifiableEvent } from '@dealgate/domain';
import { MailKind, MailStatus } from './mail.records';

/**
 * One row of `mail`, the e-mail outbox: an event's e-mail to one person, or a digest bundling held ones (`digestId`
 * on the bundled rows). Only MailRepository sees it. Why decorators: see inbox/notification.entity.ts.
 */
@Entity({ name: 'mail' })
export class MailEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  /** The event's message id; null on a digest. */
  @Column({ name: 'message_id', type: 'uuid', nullable: true })
  messageId!: string | null;

  @Column({ name: 'event_type', type: 'text', nullable: true })
  eventType!: NotifiableEvent | null;

  @Column({ name: 'kind', type: 'text' })
  kind!: MailKind;

  @Column({ name: 'status', type: 'text' })
  status!: MailStatus;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'link_path', type: 'text', nullable: true })
  linkPath!: string | null;

  @Column({ name: 'digest_id', type: 'uuid', nullable: true })
  digestId!: string | null;

  @Column({ name: 'attempts', type: 'integer' })
  attempts!: number;

  /** When due while pending; the lease's end while sending. */
  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
