import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ALL_PROSPECT_STATUSES, ProspectStatus, Stage, STAGE_ORDER } from '@dealgate/domain';
import { toBoolean } from '../shared/query-transforms';
import { GateItemDto } from './prospect-detail.dto';

export class BoardQuery {
  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', description: 'The assigned salesperson' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only prospects over the stage limit of their product line' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  stalled?: boolean;

  @ApiPropertyOptional({ type: String, maxLength: 100, description: 'Part of the company name (any case)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ type: Number, default: 50, minimum: 1, maximum: 200, description: 'Cards per column' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limitPerStage = 50;
}

export class GateSummaryDto {
  @ApiProperty({ type: Number, minimum: 0, description: 'Items of the stage checklist met' })
  met!: number;

  @ApiProperty({ type: Number, minimum: 0, description: 'Items of the stage checklist' })
  total!: number;

  @ApiProperty({ type: GateItemDto, nullable: true, description: 'The first item not met yet; null when all are' })
  missing!: GateItemDto | null;
}

export class BoardCardDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  companyName!: string;

  @ApiProperty({ enum: STAGE_ORDER, enumName: 'Stage' })
  stage!: Stage;

  @ApiProperty({ enum: ALL_PROSPECT_STATUSES, enumName: 'ProspectStatus' })
  status!: ProspectStatus;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  ownerId!: string | null;

  @ApiProperty({ type: String, format: 'uuid' })
  productLineId!: string;

  @ApiProperty({ type: Number, minimum: 0 })
  daysInStage!: number;

  @ApiProperty({ type: Number, nullable: true })
  stageLimitDays!: number | null;

  @ApiProperty({ type: Boolean, description: 'Over the stage limit of its product line' })
  stalled!: boolean;

  @ApiProperty({ type: Number, description: 'Send it back on writes (e.g. bulk assignment)' })
  version!: number;

  @ApiProperty({ type: GateSummaryDto })
  gate!: GateSummaryDto;
}

export class BoardColumnDto {
  @ApiProperty({ enum: STAGE_ORDER, enumName: 'Stage' })
  stage!: Stage;

  @ApiProperty({
    type: Number,
    minimum: 0,
    description: 'All filtered prospects in the stage, not only the cards sent',
  })
  count!: number;

  @ApiProperty({ type: [BoardCardDto], description: 'Longest in the stage first, at most limitPerStage' })
  items!: BoardCardDto[];
}

/** `GET /api/prospects/board`: one column per stage, in funnel order. */
export class BoardDto {
  @ApiProperty({ type: [BoardColumnDto] })
  columns!: BoardColumnDto[];
}
