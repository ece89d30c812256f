import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `lost_reason`; only LostReasonRepository sees it. */
@Entity({ name: 'lost_reason' })
export class LostReasonEntity {
  @PrimaryColumn({ name: 'code', type: 'text' })
  code!: string;

  @Column({ name: 'label', type: 'text' })
  label!: string;

  @Column({ name: 'label_hu', type: 'text', nullable: true })
  labelHu!: string | null;

  @Column({ name: 'note_required', type: 'boolean' })
  noteRequired!: boolean;

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  @Column({ name: 'position', type: 'integer' })
  position!: number;
}
