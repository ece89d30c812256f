import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ALL_TASK_GROUPS, PASSWORD_MAX_LENGTH, Role } from '@dealgate/domain';
import { PageQuery, MAX_INT4 } from '@dealgate/common';
import { UserRecord } from './users.repository';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateUserDto {
  @ApiProperty({ example: 'anna@example.com' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Initial password (at least 12 characters; the user changes it later)' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiProperty({ enum: Role, isArray: true })
  @IsEnum(Role, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(6)
  roles!: Role[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ enum: ALL_TASK_GROUPS, isArray: true })
  @IsOptional()
  @IsIn(ALL_TASK_GROUPS, { each: true })
  @ArrayUnique()
  groups?: string[];

  @ApiPropertyOptional({
    enum: ALL_TASK_GROUPS,
    isArray: true,
    description: 'Groups the user leads (must be among `groups`)',
  })
  @IsOptional()
  @IsIn(ALL_TASK_GROUPS, { each: true })
  @ArrayUnique()
  leadOf?: string[];
}

export class UpdateUserDto {
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

  @ApiPropertyOptional({ enum: Role, isArray: true })
  @IsOptional()
  @IsEnum(Role, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(6)
  roles?: Role[];

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  unitId?: string | null;

  @ApiPropertyOptional({ enum: ALL_TASK_GROUPS, isArray: true })
  @IsOptional()
  @IsIn(ALL_TASK_GROUPS, { each: true })
  @ArrayUnique()
  groups?: string[];

  @ApiPropertyOptional({ enum: ALL_TASK_GROUPS, isArray: true })
  @IsOptional()
  @IsIn(ALL_TASK_GROUPS, { each: true })
  @ArrayUnique()
  leadOf?: string[];
}

export class ResetPasswordDto {
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class UserQuery extends PageQuery {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name or the e-mail address (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UserView {
  id!: string;
  email!: string;
  name!: string;
  @ApiProperty({ enum: Role, isArray: true })
  roles!: Role[];
  unitId!: string | null;
  groups!: string[];
  leadOf!: string[];
  active!: boolean;
  @ApiProperty({
    description:
      'Someone else chose the password (the generated first admin, or an admin reset it): the user must change it ' +
      '(POST /api/auth/password) before anything else; the console sends them to its change-password page',
  })
  mustChangePassword!: boolean;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

/** Never the password hash. */
export function toUserView(user: UserRecord): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    unitId: user.unitId,
    groups: user.groups,
    leadOf: user.leadOf,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    version: user.version,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
