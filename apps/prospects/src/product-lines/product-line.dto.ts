import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, MAX_DAYS, MAX_INT4 } from '@dealgate/common';
import { toBoolean } from '../shared/query-transforms';

export class CycleDaysDto {
  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  min!: number;

  @IsInt()
  @Min(1)
  @Max(MAX_DAYS)
  max!: number;
}

/** Days a prospect may stay in each stage before it is stalled. */
export class StageLimitDaysDto {
  @IsInt() @Min(1) @Max(MAX_DAYS) sampling!: number;
  @IsInt() @Min(1) @Max(MAX_DAYS) primary_contact!: number;
  @IsInt() @Min(1) @Max(MAX_DAYS) needs_identification!: number;
  @IsInt() @Min(1) @Max(MAX_DAYS) offer_formation!: number;
  @IsInt() @Min(1) @Max(MAX_DAYS) offer_defence!: number;
  @IsInt() @Min(1) @Max(MAX_DAYS) contract!: number;
}

export class CreateProductLineDto {
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ type: CycleDaysDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CycleDaysDto)
  cycleDays!: CycleDaysDto;

  @ApiProperty({ type: StageLimitDaysDto })
  @IsObject()
  @ValidateNested()
  @Type(() => StageLimitDaysDto)
  stageLimitDays!: StageLimitDaysDto;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProductLineDto extends CreateProductLineDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class ProductLineQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}
