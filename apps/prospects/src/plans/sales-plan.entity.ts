import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `sales_plan`; only PlanRepository sees it. */
@Entity({ name: 'sales_plan' })
export class SalesPlanEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'period', type: 'text' })
  period!: string;

  @Column({ name: 'salesperson_id', type: 'uuid' })
  salespersonId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'product_line_key', type: 'uuid' })
  productLineKey!: string;

  @Column({ name: 'stage', type: 'text' })
  stage!: string;

  @Column({ name: 'count', type: 'integer' })
  count!: number;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
