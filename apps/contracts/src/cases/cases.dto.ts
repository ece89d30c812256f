import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery, sortValues, MAX_INT4 } from '@dealgate/common';
import { ContractTermsBody } from './terms.dto';

/** The fields a case list sorts by (`?sort=nextDueAt`, `?sort=-openedAt`). */
export const CASE_SORT_FIELDS = ['nextDueAt', 'openedAt', 'companyName'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'signed'] })
  @IsOptional()
  @IsIn(['open', 'signed'])
  status?: 'open' | 'signed';

  @IsOptional()
  @IsUUID()
  unitId?: string;

  @IsOptional()
  @IsUUID()
  prospectId?: string;

  @IsOptional()
  @IsUUID()
  salespersonId?: string;

  @IsOptional()
  @IsUUID()
  productLineId?: string;

  @ApiPropertyOptional({
    enum: sortValues(CASE_SORT_FIELDS),
    description:
      'Order by one field, `-` first for descending (nextDueAt: the soonest due task not done; cases with ' +
      'nothing due, and companies without a name, come last either way); without it, the soonest due first, so ' +
      'overdue cases lead, then the newest.',
  })
  @IsOptional()
  @IsIn(sortValues(CASE_SORT_FIELDS))
  sort?: string;
}

export class EditTermsDto {
  @ApiProperty({ type: ContractTermsBody })
  // Without it a missing object passes: ValidateNested alone skips undefined.
  @IsObject()
  @ValidateNested()
  @Type(() => ContractTermsBody)
  terms!: ContractTermsBody;

  @ApiProperty({ description: 'the terms revision the edit is based on (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  revision!: number;
}

export class SignatoryDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['customer', 'company'] })
  @IsIn(['customer', 'company'])
  party!: 'customer' | 'company';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  position?: string;
}

export class SignContractDto {
  @ApiProperty({ type: [SignatoryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SignatoryDto)
  signatories!: SignatoryDto[];

  @ApiPropertyOptional({ description: 'the date on the contract, YYYY-MM-DD; today when absent' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'signedOn must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'signedOn must be a calendar date' })
  signedOn?: string;
}
