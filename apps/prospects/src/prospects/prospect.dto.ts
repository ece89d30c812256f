import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ALL_PROSPECT_STATUSES, ProspectStatus, Stage, STAGE_ORDER } from '@dealgate/domain';
import { PageQuery } from '@dealgate/common';
import { toBoolean } from '../shared/query-transforms';

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
}

export class VersionedDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @IsInt()
  @Min(1)
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
