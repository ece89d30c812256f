import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `contact`, a person at a prospect's company; only ActivityRepository sees it. */
@Entity({ name: 'contact' })
export class ContactEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'position', type: 'text', nullable: true })
  position!: string | null;

  @Column({ name: 'is_decision_maker', type: 'boolean' })
  isDecisionMaker!: boolean;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  @Column({ name: 'email', type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'phone', type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
