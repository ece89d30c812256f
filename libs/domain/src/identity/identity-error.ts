import { DomainError } from '../domain-error';

/** Codes of identity errors; the gateway maps each to an HTTP status once (gateway.service-definition.ts). */
export enum IdentityErrorCode {
  InvalidCredentials = 'identity.invalid_credentials',
  InvalidRefreshToken = 'identity.invalid_refresh_token',
  RefreshTokenReused = 'identity.refresh_token_reused',
  InvalidApiKey = 'identity.invalid_api_key',
  WeakPassword = 'identity.weak_password',
  EmailTaken = 'identity.email_taken',
  UnitNameTaken = 'identity.unit_name_taken',
  UserNotFound = 'identity.user_not_found',
  UnitNotFound = 'identity.unit_not_found',
  ApiKeyNotFound = 'identity.api_key_not_found',
  ScopeExceedsRoles = 'identity.scope_exceeds_roles',
  LeadOutsideGroup = 'identity.lead_outside_group',
  HeadWithoutRole = 'identity.head_without_role',
  HeadInactive = 'identity.head_inactive',
  UnitInactive = 'identity.unit_inactive',
  LastAdmin = 'identity.last_admin',
  OwnRoles = 'identity.own_roles',
  AdminWithBusinessRole = 'identity.admin_with_business_role',
  VersionConflict = 'version_conflict',
}

export function identityError(
  code: IdentityErrorCode,
  message: string,
  details?: Record<string, unknown>,
): DomainError<IdentityErrorCode> {
  return new DomainError(code, message, details);
}
