import type { NestExpressApplication } from '@nestjs/platform-express';
import { ThrottlerStorage, getStorageToken } from '@nestjs/throttler';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenService } from '@dealgate/auth';
import { clientIp } from '../audit/actor';
import { GatewayEnv } from '../gateway.env';
import { accessTokenOf } from './request-token';

const WINDOW_MS = 60_000;

/**
 * The per-minute limit for requests the gateway forwards to the services (Nest's throttler guard only sees the
 * gateway's own routes). Counted per signed-in user when the token is valid, else per client address, in the same
 * store as the guard. Mounted before the proxy, after API keys became tokens.
 */
export function mountProxyRateLimit(app: NestExpressApplication, isProxied: (path: string) => boolean): void {
  const storage = app.get<ThrottlerStorage>(getStorageToken());
  const tokens = app.get(AccessTokenService);
  const { API_RATE_LIMIT: limit } = app.get(GatewayEnv);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!isProxied(req.path)) return next();
    const token = accessTokenOf(req);
    const principal = token ? tokens.verify(token) : null;
    const key = principal ? `user:${principal.userId}` : `ip:${clientIp(req)}`;
    storage.increment(`proxy:${key}`, WINDOW_MS, limit, WINDOW_MS, 'proxy').then(
      ({ isBlocked, timeToBlockExpire }) => {
        if (!isBlocked) return next();
        res.setHeader('Retry-After', String(timeToBlockExpire));
        res.status(429).json({
          statusCode: 429,
          code: 'too_many_requests',
          message: 'Too many requests; wait a minute and try again.',
          correlationId: (req as Request & { id?: string }).id,
        });
      },
      (error: unknown) => next(error),
    );
  });
}
