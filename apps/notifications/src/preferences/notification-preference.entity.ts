import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Channel, NotifiableEvent } from '@dealgate/domain';

/** One row of `notification_preference`: a person's choice for one event and channel. Why decorators: see inbox/notification.entity.ts. */
@Entity({ name: 'notification_preference' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'event_type', type: 'text' })
  eventType!: NotifiableEvent;

  @PrimaryColumn({ name: 'channel', type: 'text' })
  channel!: Channel;

  @Column({ name: 'enabled', type: 'boolean' })
  enabled!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
