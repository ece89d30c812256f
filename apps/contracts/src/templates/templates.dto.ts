import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_INT4 } from '@dealgate/common';
import { CONTRACT_TEMPLATE_GROUPS, TaskGroup, TaskTemplate } from '@dealgate/domain';

export class TaskTemplateDto {
  @ApiProperty({ example: 'draft_contract' })
  @IsString()
  @MaxLength(64)
  key!: string;

  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: CONTRACT_TEMPLATE_GROUPS })
  @IsIn(CONTRACT_TEMPLATE_GROUPS)
  group!: TaskGroup;

  @ApiProperty({ type: [String], description: 'keys of the tasks that must be done first' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  dependsOn!: string[];

  @ApiProperty({ description: 'calendar days from the moment the task becomes available' })
  @IsInt()
  @Min(0)
  @Max(365)
  dueDays!: number;

  @IsBoolean()
  required!: boolean;
}

export class ReplaceTemplatesDto {
  @ApiProperty({ type: [TaskTemplateDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TaskTemplateDto)
  templates!: TaskTemplateDto[];

  @ApiProperty({ description: 'the version the edit is based on (optimistic concurrency)' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;
}

export class TemplateSetView {
  @ApiProperty({ type: [TaskTemplateDto] })
  templates!: TaskTemplate[];
  version!: number;
  updatedBy!: string | null;
  updatedAt!: string;
}
