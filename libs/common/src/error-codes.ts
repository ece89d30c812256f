import { HttpStatus } from '@nestjs/common';

/**
 * The codes every service shares: the ones the HTTP layer gives (input, authentication, limits) and the generic
 * ones services throw as `DomainError`s (`not_found`, `version_conflict`...). Values are sent on the wire: never
 * rename. Each service's own codes are enums in libs/domain, mapped to statuses by the app.
 */
export enum CommonErrorCode {
  /** A parameter or body field breaks its rule; `fields` names every one (ValidationPipe, UUID path parameters). */
  ValidationFailed = 'validation_failed',
  /** The body is not JSON. */
  EntityParseFailed = 'entity_parse_failed',
  /** Nest refused the input without naming it: ParseEnumPipe on a path parameter, a malformed multipart upload. */
  BadRequest = 'bad_request',
  /** No valid access token, or its account is deactivated. */
  Unauthenticated = 'unauthenticated',
  /**
   * The access token was revoked before it expired: its session ended (logout, a revoked API key) or its user's
   * token version moved on (password, role or unit change, log out everywhere). Refresh or log in again.
   */
  TokenRevoked = 'token_revoked',
  /** The `X-Api-Key` is invalid, revoked, or its owner is deactivated. */
  InvalidApiKey = 'invalid_api_key',
  /** The caller's roles do not allow it, or the caller may only read the object. */
  Forbidden = 'forbidden',
  /** Not found, or not visible to the caller (a foreign object never reveals that it exists). */
  NotFound = 'not_found',
  /** The object is not in a state that allows it. */
  Conflict = 'conflict',
  /** The `version` sent is stale: someone changed the object since it was read. */
  VersionConflict = 'version_conflict',
  /** The body is over the size limit. */
  EntityTooLarge = 'entity_too_large',
  /** A file of a multipart upload is over its limit (Nest's multer interceptor). */
  PayloadTooLarge = 'payload_too_large',
  /** The rate limit is hit; `Retry-After` says when to try again. */
  TooManyRequests = 'too_many_requests',
  /** The service behind the gateway is not answering (the gateway's proxy). */
  ServiceUnavailable = 'service_unavailable',
  /** The `Idempotency-Key` was used by the same caller for a request with another body. */
  IdempotencyKeyReused = 'idempotency_key_reused',
  /** A request with the same `Idempotency-Key` is still running. */
  IdempotencyInProgress = 'idempotency_in_progress',
  /** The first request with this `Idempotency-Key` was applied, but its answer was lost: read instead of retrying. */
  IdempotencyAnswerLost = 'idempotency_answer_lost',
}

/** The status of every common code, for the error filter (domain errors) and the OpenAPI document alike. */
export const COMMON_CODE_STATUS: Record<CommonErrorCode, number> = {
  [CommonErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.EntityParseFailed]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.BadRequest]: HttpStatus.BAD_REQUEST,
  [CommonErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.TokenRevoked]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.InvalidApiKey]: HttpStatus.UNAUTHORIZED,
  [CommonErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [CommonErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [CommonErrorCode.Conflict]: HttpStatus.CONFLICT,
  [CommonErrorCode.VersionConflict]: HttpStatus.CONFLICT,
  [CommonErrorCode.EntityTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [CommonErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [CommonErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [CommonErrorCode.ServiceUnavailable]: HttpStatus.BAD_GATEWAY,
  [CommonErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [CommonErrorCode.IdempotencyInProgress]: HttpStatus.CONFLICT,
  [CommonErrorCode.IdempotencyAnswerLost]: HttpStatus.CONFLICT,
};
