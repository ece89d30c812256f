import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `webhook_attempt`: the log of one attempt of a delivery. Why decorators: see inbox/notification.entity.ts. */
@Entity({ name: 'webhook_attempt' })
export class WebhookAttemptEntity {
  /** bigserial: the driver hands it over as text. */
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ name: 'attempt', type: 'integer' })
  attempt!: number;

  @Column({ name: 'attempted_at', type: 'timestamptz' })
  attemptedAt!: Date;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'error', type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
