import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsEnum, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Role } from '@dealgate/domain';
import { ApiKeyRecord } from './api-keys.repository';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM sync' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: Role, isArray: true, description: 'Roles the key acts with; a subset of your own' })
  @IsEnum(Role, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  roles!: Role[];
}

export class ApiKeyView {
  id!: string;
  userId!: string;
  name!: string;
  @ApiProperty({ enum: Role, isArray: true })
  roles!: Role[];
  createdAt!: Date;
  lastUsedAt!: Date | null;
  revokedAt!: Date | null;
}

export class CreatedApiKey extends ApiKeyView {
  @ApiProperty({ description: 'The key itself, shown this once: send it as the X-Api-Key header' })
  key!: string;
}

export const toApiKeyView = (k: ApiKeyRecord): ApiKeyView => ({
  id: k.id,
  userId: k.userId,
  name: k.name,
  roles: k.roles,
  createdAt: k.createdAt,
  lastUsedAt: k.lastUsedAt,
  revokedAt: k.revokedAt,
});
