import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ALL_ROLES, Role } from '@dealgate/domain';
import { AccessTokenClaims, Principal, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './principal';

/** Signs and verifies access tokens with the shared secret; every service verifies tokens itself. */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  sign(principal: Principal, expiresInSeconds = 900): string {
    const claims: AccessTokenClaims = {
      sub: principal.userId,
      roles: principal.roles,
      unit: principal.unitId,
      tv: principal.tokenVersion ?? 0,
      ...(principal.sessionId ? { sid: principal.sessionId } : {}),
    };
    return this.jwt.sign(claims, {
      algorithm: TOKEN_ALGORITHM,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: expiresInSeconds,
    });
  }

  /** Returns the principal, or null for any bad, expired or foreign token. */
  verify(token: string): Principal | null {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, {
        algorithms: [TOKEN_ALGORITHM],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
      });
      const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is Role => ALL_ROLES.includes(r)) : [];
      // jsonwebtoken checks `exp` only when the token has one: a token without it would never expire.
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return null;
      // A token without a version predates revocation (#16): refused, the console refreshes once and gets one.
      if (!Number.isSafeInteger(claims.tv) || claims.tv < 0) return null;
      return {
        userId: claims.sub,
        roles,
        unitId: typeof claims.unit === 'string' ? claims.unit : null,
        tokenVersion: claims.tv,
        ...(typeof claims.sid === 'string' ? { sessionId: claims.sid } : {}),
      };
    } catch {
      return null;
    }
  }
}
