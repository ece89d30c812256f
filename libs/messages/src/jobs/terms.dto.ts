import type { OfferTermsSnapshot } from '@dealgate/domain';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

// Implements `OfferTermsSnapshot` of libs/domain/src/contracts/terms.ts, where the shape is written once: prices in
// minor units (cents) so comparisons are exact.

export class TermsItemDto {
  @IsString()
  @MaxLength(100)
  productId!: string;

  @IsString()
  @MaxLength(1000)
  description!: string;

  @IsNumber()
  @Min(0)
  quantity!: number;

  @IsInt()
  @Min(0)
  unitPriceMinor!: number;

  @IsString()
  @Length(3, 3)
  currency!: string;
}

export class DeliveryTermsDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  text!: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  days!: number | null;
}

export class OfferTermsDto implements OfferTermsSnapshot {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TermsItemDto)
  items!: TermsItemDto[];

  @IsInt()
  @Min(0)
  paymentDays!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryTermsDto)
  delivery!: DeliveryTermsDto;

  @IsNumber()
  @Min(0)
  discountPercent!: number;

  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  validUntil!: string;

  @IsString({ each: true })
  clauses!: string[];
}
