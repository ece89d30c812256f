import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Stage } from '@dealgate/domain';

// Decorator entities, as in apps/approvals (requests/request.entity.ts): every column with its database name and type,
// nullability as the table has it; defaults, checks and indexes stay in the migrations.

/** One row of `product_line`; only ProductLineRepository sees it. */
@Entity({ name: 'product_line' })
export class ProductLineEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  /** The preset's code; null for a line an admin added. */
  @Column({ name: 'code', type: 'text', nullable: true })
  code!: string | null;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'cycle_min_days', type: 'integer' })
  cycleMinDays!: number;

  @Column({ name: 'cycle_max_days', type: 'integer' })
  cycleMaxDays!: number;

  @Column({ name: 'stage_limit_days', type: 'jsonb' })
  stageLimitDays!: Record<Stage, number>;

  @Column({ name: 'active', type: 'boolean' })
  active!: boolean;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
