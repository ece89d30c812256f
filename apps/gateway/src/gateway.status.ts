import { IdentityErrorCode } from '@dealgate/domain';
import { StatusForCode, statusMap } from '@dealgate/common';

// 401: the credential itself is not accepted; 409: taken or changed meanwhile; 422: the input breaks a rule.
const IDENTITY_STATUS: Record<IdentityErrorCode, number> = {
  [IdentityErrorCode.InvalidCredentials]: 401,
  [IdentityErrorCode.InvalidRefreshToken]: 401,
  [IdentityErrorCode.RefreshTokenReused]: 401,
  [IdentityErrorCode.InvalidApiKey]: 401,
  [IdentityErrorCode.WeakPassword]: 422,
  [IdentityErrorCode.EmailTaken]: 409,
  [IdentityErrorCode.UnitNameTaken]: 409,
  [IdentityErrorCode.UserNotFound]: 404,
  [IdentityErrorCode.UnitNotFound]: 404,
  [IdentityErrorCode.ApiKeyNotFound]: 404,
  [IdentityErrorCode.ScopeExceedsRoles]: 422,
  [IdentityErrorCode.LeadOutsideGroup]: 422,
  [IdentityErrorCode.HeadWithoutRole]: 422,
  [IdentityErrorCode.HeadInactive]: 422,
  [IdentityErrorCode.UnitInactive]: 422,
  [IdentityErrorCode.LastAdmin]: 422,
  [IdentityErrorCode.OwnRoles]: 403,
  [IdentityErrorCode.AdminWithBusinessRole]: 422,
  [IdentityErrorCode.VersionConflict]: 409,
};

/** The gateway's code -> HTTP status map (common codes such as not_found fall through to the filter). */
export const gatewayStatusForCode: StatusForCode = statusMap(IDENTITY_STATUS);
