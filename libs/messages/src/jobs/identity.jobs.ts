import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Role } from '@dealgate/domain';
import type { PayloadsOf } from './payloads-of';

/** Published by the gateway (identity); every other service keeps its own copy of the directory from these. */
export const IdentityJob = {
  UserUpserted: 'user.upserted',
  UnitUpserted: 'unit.upserted',
} as const;

/** At most this many recently ended sessions travel per user (the newest; the token version covers the rest). */
export const MAX_REVOKED_SESSIONS = 100;

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
   * The user's token version: an access token signed with an older one is refused (libs/domain token-revocation).
   * Optional only for jobs queued before it existed (read as 0).
   */
  @IsOptional()
  @IsInt()
  @Min(0)
  tokenVersion?: number;

  /**
   * Sessions (refresh-token families, API keys) of the user ended within the longest access-token lifetime: a token
   * signed for one of them is refused. Ids only; replaced as a whole by each newer job.
   */
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(MAX_REVOKED_SESSIONS)
  revokedSessions?: string[];

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

export const IDENTITY_PAYLOAD_CLASSES = {
  [IdentityJob.UserUpserted]: UserUpsertedPayload,
  [IdentityJob.UnitUpserted]: UnitUpsertedPayload,
};

export type IdentityPayloads = PayloadsOf<typeof IDENTITY_PAYLOAD_CLASSES>;
