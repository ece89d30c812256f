import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ALL_PROSPECT_STATUSES, ProspectStatus, Stage, STAGE_ORDER } from '@dealgate/domain';
import { FunnelEventFilter } from './funnel-event-filter';
import { IsListCursor, PageQuery, MAX_INT4 } from '@dealgate/common';
import { toBoolean } from '../shared/query-transforms';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FUNNEL_EVENTS = ['reached', 'lost', 'won'] as const;
type FunnelEvent = NonNullable<FunnelEventFilter['funnelEvent']>;

export class ProspectQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STAGE_ORDER })
  @IsOptional()
  @IsIn(STAGE_ORDER)
  stage?: Stage;

  @ApiPropertyOptional({ enum: ALL_PROSPECT_STATUSES })
  @IsOptional()
  @IsIn(ALL_PROSPECT_STATUSES)
  status?: ProspectStatus;

  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @IsOptional()
  @IsUUID()
  unitId?: string;

  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @IsOptional()
  @IsUUID()
  sampleId?: string;

  @ApiPropertyOptional({ description: 'Only prospects with no salesperson yet' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unassigned?: boolean;

  @ApiPropertyOptional({ description: 'Part of the company name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  // The prospects behind a funnel figure (GET /api/analytics/funnel, /api/plans/report), counted the same way.
  @ApiPropertyOptional({
    enum: FUNNEL_EVENTS,
    description:
      'Only prospects counted in this funnel figure in `from`..`to`: `reached` (first entry into `funnelStage`), ' +
      '`lost` (at `funnelStage`, for `lostReason`, when given) or `won`',
  })
  @IsOptional()
  @IsIn(FUNNEL_EVENTS)
  funnelEvent?: FunnelEvent;

  @ApiPropertyOptional({ enum: STAGE_ORDER, description: 'with `funnelEvent`: the stage (required for `reached`)' })
  @ValidateIf((o: ProspectQuery) => o.funnelEvent === 'reached' || o.funnelStage !== undefined)
  @IsDefined({ message: 'funnelStage is required with funnelEvent=reached' })
  @IsIn(STAGE_ORDER)
  funnelStage?: Stage;

  @ApiPropertyOptional({ description: 'with `funnelEvent=lost`: a lost-reason code (`unknown` for none recorded)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  lostReason?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'with `funnelEvent`: the salesperson the figure is credited to (as analytics count it)',
  })
  @IsOptional()
  @IsUUID()
  salespersonId?: string;

  @ApiPropertyOptional({ example: '2026-10-01', description: 'with `funnelEvent`: first day (UTC), included' })
  @ValidateIf((o: ProspectQuery) => o.funnelEvent !== undefined || o.from !== undefined)
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'with `funnelEvent`: day after the last one, excluded' })
  @ValidateIf((o: ProspectQuery) => o.funnelEvent !== undefined || o.to !== undefined)
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({
    description:
      'Keyset paging: the `nextCursor` of the previous page (same filters); the next page starts right after its ' +
      'last row, read from the index however deep the list. Not with a non-zero `offset`.',
  })
  @IsOptional()
  @IsListCursor()
  cursor?: string;
}

export class VersionedDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class AssignProspectDto extends VersionedDto {
  @ApiProperty({ description: "A salesperson of the prospect's unit" })
  @IsUUID()
  ownerId!: string;
}

export class LoseProspectDto extends VersionedDto {
  @ApiProperty({ description: 'A code from GET /api/prospects/lost-reasons' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  reasonCode!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ProspectVersionDto {
  @IsUUID()
  id!: string;

  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class BulkAssignDto {
  @ApiProperty({ description: "A salesperson of the prospects' unit" })
  @IsUUID()
  ownerId!: string;

  @ApiProperty({ type: [ProspectVersionDto], description: 'Each prospect with the version you read' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ProspectVersionDto)
  prospects!: ProspectVersionDto[];
}
