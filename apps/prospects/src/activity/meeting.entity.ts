import { Column, Entity, PrimaryColumn } from 'typeorm';
import { MeetingStatus } from '@dealgate/domain';

/** One row of `meeting`; only ActivityRepository sees it. */
@Entity({ name: 'meeting' })
export class MeetingEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'contact_id', type: 'uuid' })
  contactId!: string;

  @Column({ name: 'scheduled_at', type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ name: 'status', type: 'text' })
  status!: MeetingStatus;

  @Column({ name: 'held_at', type: 'timestamptz', nullable: true })
  heldAt!: Date | null;

  @Column({ name: 'agenda', type: 'text', nullable: true })
  agenda!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
