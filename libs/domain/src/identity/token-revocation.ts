import { Role } from '../roles';

/**
 * Access tokens live minutes and every service verifies them itself; what may revoke one before it expires is kept
 * per user: `active`, a token version (bumped when what a token claims stops being true: password, roles, unit,
 * activation, "log out everywhere") and the sessions ended lately (a refresh-token family at logout, an API key when
 * revoked). The gateway checks its own tables, every other service its directory copy.
 */
export interface TokenCredentials {
  /** The `tv` claim: the user's token version when the token was signed. */
  tokenVersion: number;
  /** The `sid` claim: the refresh-token family (login session) or the API key the token was minted for. */
  sessionId?: string | null;
}

/** What a service knows of the token's user. */
export interface KnownTokenState {
  active: boolean;
  tokenVersion: number;
  /** The token's session is among the user's recently ended ones. */
  sessionRevoked: boolean;
}

export type TokenRefusal = 'deactivated' | 'revoked';

/**
 * Why a verified token must be refused, or null. An unknown user is not refused (a directory copy may not have the
 * new user yet; the token's signature still holds). A newer token version than known is a copy that lags behind a
 * fresh login, not a forgery: only an older one is refused.
 */
export function tokenRefusal(token: TokenCredentials, known: KnownTokenState | null): TokenRefusal | null {
  if (!known) return null;
  if (!known.active) return 'deactivated';
  if (known.sessionRevoked || token.tokenVersion < known.tokenVersion) return 'revoked';
  return null;
}

/** The facts an access token carries, or that decide whether it may be used at all. */
export interface TokenFacts {
  roles: readonly Role[];
  unitId: string | null;
  active: boolean;
}

/** Whether a change to a user makes their tokens claim something no longer true (so their version is bumped). */
export function changeRevokesTokens(before: TokenFacts, after: TokenFacts): boolean {
  const sameRoles = before.roles.length === after.roles.length && before.roles.every((r) => after.roles.includes(r));
  return !sameRoles || before.unitId !== after.unitId || before.active !== after.active;
}

/**
 * How long an ended session must stay listed: as long as the longest access token signed for it may live, plus
 * a minute for clocks that disagree.
 */
export function revokedSessionWindowSeconds(accessTokenTtlSeconds: number, apiKeyTokenTtlSeconds: number): number {
  return Math.max(accessTokenTtlSeconds, apiKeyTokenTtlSeconds) + 60;
}
