import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '@dealgate/common';
import { REPORT_FORMATS, ReportFormat } from '../analytics/analytics.dto';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const countOpts = { minimum: 0, maximum: 100000 };

/** How many prospects will reach each stage in the period; a stage left out is not planned. */
export class StageCountsDto {
  @ApiPropertyOptional(countOpts) @IsOptional() @IsInt() @Min(0) @Max(100000) sampling?: number;
  @ApiPropertyOptional(countOpts) @IsOptional() @IsInt() @Min(0) @Max(100000) primary_contact?: number;
  @ApiPropertyOptional(countOpts) @IsOptional() @IsInt() @Min(0) @Max(100000) needs_identification?: number;
  @ApiPropertyOptional(countOpts) @IsOptional() @IsInt() @Min(0) @Max(100000) offer_formation?: number;
  @ApiPropertyOptional(countOpts) @IsOptional() @IsInt() @Min(0) @Max(100000) offer_defence?: number;
  @ApiPropertyOptional(countOpts) @IsOptional() @IsInt() @Min(0) @Max(100000) contract?: number;
}

export class UpsertPlanDto {
  @ApiProperty({ example: '2026-12' })
  @Matches(MONTH, { message: 'period must be a month YYYY-MM' })
  period!: string;

  @ApiProperty({ format: 'uuid', description: 'the salesperson the plan is for (a salesperson: themselves)' })
  @IsUUID()
  salespersonId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'plan one product line; omitted: all lines together' })
  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @ApiProperty({ type: StageCountsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => StageCountsDto)
  stages!: StageCountsDto;
}

export class PlanListQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-12' })
  @IsOptional()
  @Matches(MONTH, { message: 'period must be a month YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() salespersonId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() productLineId?: string;
}

export const PLAN_GROUPS = ['salesperson', 'unit', 'product_line'] as const;
export type PlanGroup = (typeof PLAN_GROUPS)[number];

export class PlanReportQuery extends PlanListQuery {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH, { message: 'fromMonth must be a month YYYY-MM' })
  fromMonth!: string;

  @ApiProperty({ example: '2026-12' })
  @Matches(MONTH, { message: 'toMonth must be a month YYYY-MM' })
  toMonth!: string;

  @ApiPropertyOptional({ enum: PLAN_GROUPS, default: 'salesperson' })
  @IsOptional()
  @IsIn(PLAN_GROUPS)
  groupBy: PlanGroup = 'salesperson';

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}
