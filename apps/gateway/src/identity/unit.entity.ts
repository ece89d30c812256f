import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `unit`; only UnitsRepository sees it. Names are unique whatever their case (unit_name_uq). */
@Entity({ name: 'unit' })
export class UnitEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'head_user_id', type: 'uuid', nullable: true })
  headUserId!: string | null;

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  /** The optimistic lock: every update bumps it and names the one it read. */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
