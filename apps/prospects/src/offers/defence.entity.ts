import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DefenceAttendee, DefenceChannel, DefenceOutcome } from '@dealgate/domain';

/** One row of `defence`, an offer's defence meeting; only DefenceRepository sees it. */
@Entity({ name: 'defence' })
export class DefenceEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'held_at', type: 'timestamptz' })
  heldAt!: Date;

  @Column({ name: 'channel', type: 'text' })
  channel!: DefenceChannel;

  @Column({ name: 'attendees', type: 'jsonb' })
  attendees!: DefenceAttendee[];

  @Column({ name: 'outcome', type: 'text' })
  outcome!: DefenceOutcome;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
