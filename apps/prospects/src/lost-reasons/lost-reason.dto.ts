import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_INT4 } from '@dealgate/common';

export class UpsertLostReasonDto {
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label!: string;

  /** The Hungarian label; left out, the stored one is kept; `null` or blank, readers of Hungarian see `label`. */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  labelHu?: string | null;

  @IsBoolean()
  noteRequired!: boolean;

  @IsBoolean()
  active!: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INT4)
  position?: number;
}

export class LostReasonCodeParam {
  @Matches(/^[a-z][a-z0-9_]{1,59}$/, { message: 'must be lowercase letters, digits and underscores' })
  code!: string;
}
