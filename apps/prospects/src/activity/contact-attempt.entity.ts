import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `contact_attempt`, a logged try to reach a prospect; only ActivityRepository sees it. */
@Entity({ name: 'contact_attempt' })
export class ContactAttemptEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId!: string | null;

  @Column({ name: 'channel', type: 'text' })
  channel!: string;

  @Column({ name: 'outcome', type: 'text' })
  outcome!: string;

  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @Column({ name: 'stage', type: 'text' })
  stage!: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;
}
