import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@dealgate/common';
import { toBoolean } from '../shared/query-transforms';

export class CycleDaysDto {
  @IsInt()
  @Min(1)
  min!: number;

  @IsInt()
  @Min(1)
  max!: number;
}

/** Days a prospect may stay in each stage before it is stalled. */
export class StageLimitDaysDto {
  @IsInt() @Min(1) sampling!: number;
  @IsInt() @Min(1) primary_contact!: number;
  @IsInt() @Min(1) needs_identification!: number;
  @IsInt() @Min(1) offer_formation!: number;
  @IsInt() @Min(1) offer_defence!: number;
  @IsInt() @Min(1) contract!: number;
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
  version!: number;
}

export class ProductLineQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;
}
