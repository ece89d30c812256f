import type { TermsInput } from '@dealgate/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DefenceChannel, DefenceOutcome, OfferStatus } from '@dealgate/domain';
import { PageQuery, MAX_DAYS, MAX_INT4 } from '@dealgate/common';

export class OfferItemDto {
  @IsString()
  @MaxLength(100)
  productId!: string;

  @IsString()
  @MaxLength(1000)
  description!: string;

  @IsNumber()
  @Min(0.0001)
  quantity!: number;

  @ApiProperty({ description: 'Price per unit in minor units (cents)' })
  @IsInt()
  @Min(0)
  unitPriceMinor!: number;

  @ApiProperty({ example: 'EUR' })
  @IsString()
  @Length(3, 3)
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter upper-case code' })
  currency!: string;

  @ApiProperty({ description: 'Ids of the brief needs this item addresses' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  needIds!: string[];
}

export class DeliveryDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  text?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  days?: number;
}

export class OfferTermsInputDto implements TermsInput {
  @ApiProperty({ type: [OfferItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OfferItemDto)
  items!: OfferItemDto[];

  @IsInt()
  @Min(0)
  @Max(MAX_DAYS)
  paymentDays!: number;

  @ApiProperty({ type: DeliveryDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryDto)
  delivery!: DeliveryDto;

  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  discountPercent!: number;

  @ApiProperty({ example: '2027-01-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'validUntil must be a date YYYY-MM-DD' })
  validUntil!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  clauses?: string[];
}

export class UpdateOfferDto extends OfferTermsInputDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class OfferQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OfferStatus })
  @IsOptional()
  @IsIn(Object.values(OfferStatus))
  status?: OfferStatus;

  @IsOptional()
  @IsUUID()
  prospectId?: string;

  @IsOptional()
  @IsUUID()
  unitId?: string;

  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

export class RecordDefenceDto {
  @IsISO8601({ strict: true })
  heldAt!: string;

  @ApiProperty({ enum: DefenceChannel, description: 'Only in_person and video count as a defence' })
  @IsIn(Object.values(DefenceChannel))
  channel!: DefenceChannel;

  @ApiProperty({ description: 'Contacts of the prospect who attended; a decision-maker must be among them' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attendeeContactIds!: string[];

  @ApiProperty({ enum: DefenceOutcome })
  @IsIn(Object.values(DefenceOutcome))
  outcome!: DefenceOutcome;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  note?: string;
}
