import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, sortValues, MAX_INT4 } from '@dealgate/common';

export class CreateSampleDto {
  @IsUUID()
  productLineId!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: 'Segment criteria and why these companies (required: a copied list is not a sample).' })
  @IsString()
  @MaxLength(5000)
  rationale!: string;

  @ApiPropertyOptional({ description: "Defaults to the caller's unit; the owner (who has none) must give it." })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class UpdateSampleDto {
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  rationale?: string;
}

export class CompanyInputDto {
  @IsString()
  @MaxLength(300)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  taxId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  website?: string;
}

export class AddCompaniesDto {
  @ApiProperty({ type: [CompanyInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => CompanyInputDto)
  companies!: CompanyInputDto[];
}

export class VersionDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409.' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

/** What a samples list may be sorted by (the console's columns). */
export const SAMPLE_SORT_FIELDS = ['title', 'productLine', 'status', 'companyCount', 'updatedAt'] as const;
export type SampleSortField = (typeof SAMPLE_SORT_FIELDS)[number];

export class SampleQuery extends PageQuery {
  @IsOptional()
  @IsIn(['draft', 'pending_approval', 'approved'])
  status?: 'draft' | 'pending_approval' | 'approved';

  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    enum: sortValues(SAMPLE_SORT_FIELDS),
    description:
      'Order by one field, `-` first for descending (status in its lifecycle order, product line by name); ' +
      'without it, the latest change first.',
  })
  @IsOptional()
  @IsIn(sortValues(SAMPLE_SORT_FIELDS))
  sort?: string;
}
