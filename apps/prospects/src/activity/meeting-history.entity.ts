import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `meeting_history`, a change to a meeting (`id` a bigint sequence, as text); only ActivityRepository sees it. */
@Entity({ name: 'meeting_history' })
export class MeetingHistoryEntity {
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'action', type: 'text' })
  action!: string;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @Column({ name: 'previous_scheduled_at', type: 'timestamptz', nullable: true })
  previousScheduledAt!: Date | null;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;
}
