import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NOTIFIABLE_EVENTS, NotifiableEvent } from '@dealgate/domain';
import { PageQuery } from '@dealgate/common';

const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/dealgate' })
  @IsUrl(URL_RULES)
  @MaxLength(2000)
  url!: string;

  @ApiProperty({ enum: NOTIFIABLE_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFIABLE_EVENTS.length)
  @ArrayUnique()
  @IsIn(NOTIFIABLE_EVENTS, { each: true })
  eventTypes!: NotifiableEvent[];

  @ApiProperty({
    description: 'Shared secret for the HMAC-SHA256 signature (never returned by the API).',
    minLength: 24,
  })
  @IsString()
  @MinLength(24)
  @MaxLength(200)
  secret!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl(URL_RULES)
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ enum: NOTIFIABLE_EVENTS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFIABLE_EVENTS.length)
  @ArrayUnique()
  @IsIn(NOTIFIABLE_EVENTS, { each: true })
  eventTypes?: NotifiableEvent[];

  @ApiPropertyOptional({ minLength: 24 })
  @IsOptional()
  @IsString()
  @MinLength(24)
  @MaxLength(200)
  secret?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    description: 'true re-enables a disabled webhook (its failure count restarts); false pauses it.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class WebhookListQuery extends PageQuery {}
export class DeliveryListQuery extends PageQuery {}
