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
