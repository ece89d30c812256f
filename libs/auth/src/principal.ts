import { Role, TokenRefusal } from '@dealgate/domain';

/** Who is calling: the verified claims of the access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** The sales unit the user belongs to, if any. */
  unitId: string | null;
  /** The user's token version when the token was signed (claim `tv`; 0 when the signer gives none). */
  tokenVersion?: number;
  /** The login session (refresh-token family) or API key the token was signed for (claim `sid`), if any. */
  sessionId?: string;
}

export const TOKEN_ISSUER = 'dealgate';
export const TOKEN_AUDIENCE = 'dealgate-api';
/** Pinned: a token signed with any other algorithm (or `none`) is refused. */
export const TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  unit: string | null;
  /** Token version (see libs/domain token-revocation): required on verification. */
  tv: number;
  /** Session id: a refresh-token family or an API key's id. */
  sid?: string;
  /** Set by the signer (expiresIn); required on verification. */
  exp?: number;
}

/**
 * Why a verified token may no longer be used (its user deactivated; its version or session revoked), by what the
 * service knows (its directory copy), or null. Provided by the chassis for services that keep one; the guard asks it
 * on every guarded request.
 */
export interface PrincipalRevocation {
  refusal(principal: Principal): Promise<TokenRefusal | null>;
}
export const PRINCIPAL_REVOCATION = Symbol('PRINCIPAL_REVOCATION');
