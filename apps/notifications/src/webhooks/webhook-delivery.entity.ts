import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DeliveryStatus } from './webhook-delivery.records';

/**
 * One row of `webhook_delivery`: one event for one webhook, worked by the delivery sweep. No relation to
 * WebhookEntity: the claim joins the two in one query. Only WebhookDeliveryRepository sees it. Why decorators: see
 * inbox/notification.entity.ts.
 */
@Entity({ name: 'webhook_delivery' })
export class WebhookDeliveryEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId!: string;

  @Column({ name: 'message_id', type: 'uuid' })
  messageId!: string;

  @Column({ name: 'event_type', type: 'text' })
  eventType!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'status', type: 'text' })
  status!: DeliveryStatus;

  @Column({ name: 'attempts', type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
