import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row of `webhook`: an endpoint and the event types it subscribes to. Only the webhook repositories see it (the
 * sealed secret leaves them only to the delivery sweep). Why decorators: see inbox/notification.entity.ts.
 */
@Entity({ name: 'webhook' })
export class WebhookEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'url', type: 'text' })
  url!: string;

  @Column({ name: 'event_types', type: 'text', array: true })
  eventTypes!: string[];

  @Column({ name: 'sealed_secret', type: 'text' })
  sealedSecret!: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  @Column({ name: 'consecutive_failures', type: 'integer' })
  consecutiveFailures!: number;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
