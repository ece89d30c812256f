import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccessTokenService, Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { GatewayEnv } from '../gateway.env';
import { TokenPair } from './auth.dto';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** The lifetime of the token an API key becomes for one request (security/api-key.middleware.ts). */
export const API_KEY_TOKEN_TTL_SECONDS = 60;

export const hashRefreshToken = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('base64url');

/**
 * Issues an access token and a refresh token of the given family (a login starts a new family). The access token
 * names the family as its session (`sid`), so a logout revokes the access tokens of that login too.
 */
@Injectable()
export class TokenIssuer {
  constructor(
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly config: GatewayEnv,
    private readonly clock: Clock,
  ) {}

  async issue(principal: Principal, familyId: string, manager: EntityManager): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await this.refreshTokens.insert(
      { id: randomUUID(), familyId, userId: principal.userId, tokenHash: hashRefreshToken(refreshToken), expiresAt },
      manager,
    );
    return {
      accessToken: this.accessToken({ ...principal, sessionId: familyId }),
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      tokenType: 'Bearer',
      refreshToken,
    };
  }

  accessToken(principal: Principal, ttlSeconds = this.config.ACCESS_TOKEN_TTL_SECONDS): string {
    return this.accessTokens.sign(principal, ttlSeconds);
  }
}
