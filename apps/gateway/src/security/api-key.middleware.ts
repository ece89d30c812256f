import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { clientIp } from '../audit/actor';
import { ApiKeysService } from '../auth/api-keys.service';
import { API_KEY_TOKEN_TTL_SECONDS, TokenIssuer } from '../auth/token-issuer';

const API_KEY_HEADER = 'x-api-key';

/**
 * Every service verifies access tokens itself and knows nothing of API keys, so the gateway turns a valid
 * `X-Api-Key` into a short-lived access token for the key's principal before routing (its own routes or the proxy).
 * The key itself never travels further; the token (60 s, never shown to the caller) names the key as its session
 * (`sid`), so a revoked key's tokens are refused by every service too.
 */
export function mountApiKeyAuthentication(app: NestExpressApplication): void {
  const keys = app.get(ApiKeysService);
  const issuer = app.get(TokenIssuer);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const raw = req.headers[API_KEY_HEADER];
    if (raw === undefined) return next();
    delete req.headers[API_KEY_HEADER];
    delete req.headers.authorization;
    keys.authenticate(raw, { ip: clientIp(req), method: req.method, path: req.path }).then(
      (principal) => {
        if (!principal) {
          res.status(401).json({
            statusCode: 401,
            code: 'invalid_api_key',
            message: 'The API key is invalid, revoked, or its owner is deactivated.',
            correlationId: (req as Request & { id?: string }).id,
          });
          return;
        }
        req.headers.authorization = `Bearer ${issuer.accessToken(principal, API_KEY_TOKEN_TTL_SECONDS)}`;
        next();
      },
      (error: unknown) => next(error),
    );
  });
}
