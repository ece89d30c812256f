import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsInt,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_PAGE_OFFSET, PageQuery, MAX_INT4 } from '@dealgate/common';
import { LABEL_LANGUAGES, LabelLanguage } from '@dealgate/domain';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Filters every report takes; the caller's role narrows them further (see AnalyticsScopeResolver). */
export class ScopeQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  salespersonId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json', description: '`csv` answers text/csv' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

/** A period of whole UTC days, `to` excluded. */
export class PeriodQuery extends ScopeQuery {
  @ApiProperty({ example: '2026-10-01', description: 'first day (UTC), included' })
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiProperty({ example: '2026-11-01', description: 'day after the last one (UTC), excluded' })
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to!: string;
}

/** The funnel: a period, and the language of the lost reasons' labels in its CSV. */
export class FunnelQuery extends PeriodQuery {
  @ApiPropertyOptional({ enum: LABEL_LANGUAGES, default: 'en', description: 'language of `reason_label` in the CSV' })
  @IsOptional()
  @IsIn(LABEL_LANGUAGES)
  lang?: LabelLanguage;
}

export class CohortQuery extends ScopeQuery {
  @ApiProperty({ example: '2026-01', description: 'first cohort month (entry into primary contact)' })
  @Matches(MONTH, { message: 'fromMonth must be a month YYYY-MM' })
  fromMonth!: string;

  @ApiProperty({ example: '2026-06' })
  @Matches(MONTH, { message: 'toMonth must be a month YYYY-MM' })
  toMonth!: string;
}

export class MonthQuery extends ScopeQuery {
  @ApiProperty({ example: '2026-10' })
  @Matches(MONTH, { message: 'month must be a month YYYY-MM' })
  month!: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit = 50;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: MAX_PAGE_OFFSET })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset = 0;
}

/** Lists (stalled prospects, early warnings): a page plus the scope filters. */
export class ScopedPageQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  salespersonId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS)
  format?: ReportFormat;
}

export class UpdateNormDto {
  @ApiProperty({ nullable: true, description: 'lower bound (meetings per month, or a rate 0..1); null = none' })
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  @Min(0)
  min!: number | null;

  @ApiProperty({ description: '`true`: the value must be more than min; `false`: at least min' })
  @IsBoolean()
  minExclusive!: boolean;

  @ApiProperty({ nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsNumber()
  @Min(0)
  max!: number | null;

  @ApiProperty({ description: 'whether exceeding max is a breach' })
  @IsBoolean()
  flagAbove!: boolean;

  @ApiProperty({ description: 'the version you read (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export const WARNING_RULE_KINDS = ['prospects_without_brief', 'brief_rate_below', 'brief_cusum'] as const;

export class UpsertWarningRuleDto {
  @ApiProperty({ enum: WARNING_RULE_KINDS })
  @IsIn(WARNING_RULE_KINDS)
  kind!: (typeof WARNING_RULE_KINDS)[number];

  @ApiProperty({ minimum: 0, example: 20, description: 'judge only who worked this many prospects in the window' })
  @IsInt()
  @Min(0)
  @Max(100000)
  minProspectsWorked!: number;

  @ApiProperty({ minimum: 1, maximum: 730, example: 60, description: 'brief_cusum: the days watched day by day' })
  @IsInt()
  @Min(1)
  @Max(730)
  windowDays!: number;

  @ApiPropertyOptional({ description: 'brief_rate_below only: briefs per prospect worked', example: 0.2 })
  // Required for brief_rate_below; checked whenever sent, so a wrong value is always named.
  @ValidateIf((o: UpsertWarningRuleDto) => o.kind === 'brief_rate_below' || o.minBriefsPerProspect !== undefined)
  @IsNumber()
  @Min(0)
  @Max(1)
  minBriefsPerProspect?: number;

  @ApiPropertyOptional({
    description: 'brief_cusum only: the evidence (log likelihood ratio) that flags; 10 by default',
    example: 10,
    minimum: 1,
    maximum: 100,
  })
  // Required for brief_cusum; under 1 the CUSUM would flag people with ordinary ups and downs.
  @ValidateIf((o: UpsertWarningRuleDto) => o.kind === 'brief_cusum' || o.threshold !== undefined)
  @IsNumber()
  @Min(1)
  @Max(100)
  threshold?: number;

  @ApiProperty()
  @IsBoolean()
  active!: boolean;

  @ApiPropertyOptional({ description: 'the version you read; omit to create a new rule' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version?: number;
}

export class NormParam {
  @ApiProperty({ example: 'meetings_held' })
  @Matches(/^[a-z_]{1,60}$/, { message: 'norm must be a norm id' })
  norm!: string;
}

export class RuleParam {
  @ApiProperty({ example: 'prospects_without_brief' })
  @Matches(/^[a-z0-9_-]{1,60}$/, { message: 'id must be 1-60 lowercase letters, digits, _ or -' })
  id!: string;
}
