import { IsBoolean, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';

export class UpsertLostReasonDto {
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  label!: string;

  @IsBoolean()
  noteRequired!: boolean;

  @IsBoolean()
  active!: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;
}

export class LostReasonCodeParam {
  @Matches(/^[a-z][a-z0-9_]{1,59}$/, { message: 'must be lowercase letters, digits and underscores' })
  code!: string;
}
