import type { OfferTermsSnapshot } from '@dealgate/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { MAX_DAYS } from '@dealgate/common';

// The contract's terms as the API takes and shows them: the shape of the offer terms on the wire
// (libs/messages terms.dto.ts), documented for the OpenAPI document. Business rules (at least one item, delivery
// text or days, real calendar dates) are checked by the domain and answer 422.

export class TermsItemBody {
  @ApiProperty({ example: 'portal' })
  @IsString()
  @MaxLength(100)
  productId!: string;

  @IsString()
  @MaxLength(1000)
  description!: string;

  @ApiProperty({ minimum: 0 })
  @IsNumber()
  @Min(0)
  quantity!: number;

  @ApiProperty({ description: 'unit price in minor units (cents)', minimum: 0 })
  @IsInt()
  @Min(0)
  unitPriceMinor!: number;

  @ApiProperty({ example: 'EUR' })
  @IsString()
  @Length(3, 3)
  currency!: string;
}

export class DeliveryTermsBody {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  text!: string | null;

  @ApiPropertyOptional({ nullable: true, minimum: 0 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  days!: number | null;
}

export class ContractTermsBody implements OfferTermsSnapshot {
  @ApiProperty({ type: [TermsItemBody] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TermsItemBody)
  items!: TermsItemBody[];

  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  paymentDays!: number;

  @ApiProperty({ type: DeliveryTermsBody })
  // Without it a missing object passes: ValidateNested alone skips undefined.
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryTermsBody)
  delivery!: DeliveryTermsBody;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber()
  @Min(0)
  @Max(100)
  discountPercent!: number;

  @ApiProperty({ example: '2027-03-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil!: string;

  @ApiProperty({ type: [String], description: 'clause ids or texts; order carries no meaning' })
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  clauses!: string[];
}
