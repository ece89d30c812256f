import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `directory_unit`, the service's own copy of a unit from identity's `unit.upserted` events. */
@Entity({ name: 'directory_unit' })
export class DirectoryUnitEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId!: string | null;

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  /** When identity changed the unit: a row only moves forward in it (events may arrive out of order). */
  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt!: Date;
}
