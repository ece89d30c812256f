import { Role } from '@dealgate/domain';

/** Who is calling: the verified claims of the access token. */
export interface Principal {
  userId: string;
  roles: Role[];
  /** The sales unit the user belongs to, if any. */
  unitId: string | null;
}

export const TOKEN_ISSUER = 'dealgate';
export const TOKEN_AUDIENCE = 'dealgate-api';
/** Pinned: a token signed with any other algorithm (or `none`) is refused. */
export const TOKEN_ALGORITHM = 'HS256';

export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  unit: string | null;
  /** Set by the signer (expiresIn); required on verification. */
  exp?: number;
}

/**
 * Whether a verified token's user may no longer act (deactivated), by what the service knows (its directory copy).
 * Provided by the chassis for services that keep one; the guard asks it on every guarded request.
 */
export interface PrincipalRevocation {
  isRevoked(principal: Principal): Promise<boolean>;
}
export const PRINCIPAL_REVOCATION = Symbol('PRINCIPAL_REVOCATION');
