import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { Role } from '@dealgate/domain';

/** Published by the gateway (identity); every other service keeps its own copy of the directory from these. */
export const IdentityJob = {
  UserUpserted: 'user.upserted',
  UnitUpserted: 'unit.upserted',
} as const;

export class UserUpsertedPayload {
  @IsUUID()
  userId!: string;

  @IsEnum(Role, { each: true })
  roles!: Role[];

  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  unitId!: string | null;

  /** Groups for contract tasks (`legal`, `accounting`, `delivery`), and which of them the user leads. */
  @IsString({ each: true })
  groups!: string[];

  @IsString({ each: true })
  leadOf!: string[];

  @IsBoolean()
  active!: boolean;

  /**
   * E-mail and display name, sealed with the shared PII key (see personal-data.ts): the notifications service
   * needs them to send mail, but queue stores and logs must never hold them in clear.
   */
  @IsString()
  @MaxLength(4000)
  sealedContact!: string;

  @IsISO8601()
  changedAt!: string;
}

export class UnitUpsertedPayload {
  @IsUUID()
  unitId!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  headUserId!: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @IsISO8601()
  changedAt!: string;
}

export interface IdentityPayloads {
  [IdentityJob.UserUpserted]: UserUpsertedPayload;
  [IdentityJob.UnitUpserted]: UnitUpsertedPayload;
}

export const IDENTITY_PAYLOAD_CLASSES = {
  [IdentityJob.UserUpserted]: UserUpsertedPayload,
  [IdentityJob.UnitUpserted]: UnitUpsertedPayload,
};
