import { Injectable } from '@nestjs/common';
import { parse } from 'cookie';
import type { CookieOptions, Request, Response } from 'express';
import { IdentityErrorCode, identityError } from '@dealgate/domain';
import { GatewayEnv } from '../gateway.env';

/** The console's refresh token: HttpOnly (no script reads it), sent only to the session endpoints. */
export const REFRESH_COOKIE = 'dealgate_refresh';
const COOKIE_PATH = '/api/auth';

/**
 * The refresh token as a cookie, for the browser console; API clients keep using the body. Body wins when both are
 * present, so a client that sends one explicitly is never overridden by a stale cookie.
 */
@Injectable()
export class RefreshCookie {
  constructor(private readonly config: GatewayEnv) {}

  set(request: Request, response: Response, refreshToken: string): void {
    response.cookie(REFRESH_COOKIE, refreshToken, {
      ...this.options(request),
      maxAge: this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    });
  }

  clear(request: Request, response: Response): void {
    response.clearCookie(REFRESH_COOKIE, this.options(request));
  }

  /** The token from the body, else from the cookie; neither is an invalid token (401), not a malformed request. */
  tokenOf(request: Request, bodyToken: string | undefined): string {
    const token = bodyToken ?? parse(request.headers.cookie ?? '')[REFRESH_COOKIE];
    if (!token) {
      throw identityError(
        IdentityErrorCode.InvalidRefreshToken,
        'No refresh token: send it in the body or the session cookie. Log in again.',
      );
    }
    return token;
  }

  private options(request: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: COOKIE_PATH, secure: isHttps(request) };
  }
}

// Behind a TLS-terminating proxy the request arrives as plain HTTP with x-forwarded-proto: https.
function isHttps(request: Request): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return request.secure || proto === 'https';
}
