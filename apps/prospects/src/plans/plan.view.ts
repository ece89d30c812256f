import { ApiProperty } from '@nestjs/swagger';
import { AnalyticsStage } from '@dealgate/domain';

export class PlanLineView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  /** YYYY-MM */
  period!: string;
  @ApiProperty({ format: 'uuid' })
  salespersonId!: string;
  @ApiProperty({ format: 'uuid' })
  unitId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  productLineId!: string | null;
  stage!: string;
  count!: number;
  @ApiProperty({ format: 'uuid' })
  authorId!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PlanFactRowView {
  /** The salesperson, unit or product line id (by `groupBy`). */
  key!: string;
  stage!: AnalyticsStage;
  plan!: number;
  fact!: number;
  /** `fact - plan`: negative means behind plan. */
  variance!: number;
  /** `fact / plan * 100`; `null` when the plan is 0 (no target to measure against). */
  percentOfPlan!: number | null;
}

/** A page of plan/fact rows (by key and stage) with the totals over all pages. */
export class PlanFactReportView {
  items!: PlanFactRowView[];
  total!: number;
  limit!: number;
  offset!: number;
  groupBy!: 'salesperson' | 'unit' | 'product_line';
  /** YYYY-MM */
  fromMonth!: string;
  /** YYYY-MM */
  toMonth!: string;
  /** Plan, fact and variance per stage over every key of the report (all pages). */
  totals!: PlanFactRowView[];
}
