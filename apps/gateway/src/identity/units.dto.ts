import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, MAX_INT4 } from '@dealgate/common';
import { UnitRecord } from './units.repository';

export class CreateUnitDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'The head of the unit: an active sales head (or the owner)', nullable: true })
  @IsOptional()
  @IsUUID()
  headUserId?: string | null;
}

export class UpdateUnitDto {
  @ApiProperty({ description: 'The version read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  version!: number;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  headUserId?: string | null;

  @ApiPropertyOptional({ description: 'false closes the unit' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UnitQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

export class UnitView {
  id!: string;
  name!: string;
  headUserId!: string | null;
  active!: boolean;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export const toUnitView = (unit: UnitRecord): UnitView => ({ ...unit });
