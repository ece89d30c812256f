import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_INT4 } from '@dealgate/common';

const TEXT = 10_000;

/** The required sections (all must be filled for the brief to finish the stage; drafts may leave gaps). */
export class BriefSectionsDto {
  @IsOptional() @IsString() @MaxLength(TEXT) current_situation?: string;
  @IsOptional() @IsString() @MaxLength(TEXT) current_suppliers_and_purchases?: string;
  @IsOptional() @IsString() @MaxLength(TEXT) what_satisfies?: string;
  @IsOptional() @IsString() @MaxLength(TEXT) what_does_not_satisfy?: string;
  @IsOptional() @IsString() @MaxLength(TEXT) development_plans?: string;
  @IsOptional() @IsString() @MaxLength(TEXT) market_trends?: string;
}

export class BriefNeedDto {
  @ApiPropertyOptional({ description: 'Keep the id of an existing need (offer items refer to it); omit for a new one' })
  @IsOptional()
  @IsUUID()
  id?: string;

  @IsString()
  @MaxLength(2000)
  text!: string;
}

export class SaveBriefDto {
  @ApiPropertyOptional({ description: 'Required when the brief exists: the version you read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version?: number;

  @ApiPropertyOptional({ description: 'The held meeting the brief comes from' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @ApiProperty({ type: BriefSectionsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => BriefSectionsDto)
  sections!: BriefSectionsDto;

  @ApiProperty({ type: [BriefNeedDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BriefNeedDto)
  needs!: BriefNeedDto[];
}
