import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenService, TOKEN_REFUSALS } from '@dealgate/auth';
import { tokenRefusal } from '@dealgate/domain';
import { SessionRevocationsRepository } from '../auth/session-revocations.repository';
import { accessTokenOf } from './request-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access tokens live minutes and every service verifies them without asking identity; so that a deactivation,
 * logout, password or role change takes effect at once for every public request, the gateway refuses a token its
 * own tables say is revoked (libs/domain tokenRefusal: user deactivated, older token version, ended session), on its
 * own routes and before forwarding, however the token came (header, the stream's query, an API key). The services
 * check the same against their directory copy (libs/auth guard). Mounted after API keys became tokens.
 */
export function mountRevokedTokenCheck(app: NestExpressApplication): void {
  const tokens = app.get(AccessTokenService);
  const sessions = app.get(SessionRevocationsRepository);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const token = accessTokenOf(req);
    const principal = token ? tokens.verify(token) : null;
    if (!principal || !UUID.test(principal.userId)) return next();
    const sessionId = principal.sessionId && UUID.test(principal.sessionId) ? principal.sessionId : null;
    sessions.tokenState(principal.userId, sessionId).then(
      (state) => {
        const refusal = tokenRefusal({ tokenVersion: principal.tokenVersion ?? 0, sessionId }, state);
        if (!refusal) return next();
        res.status(401).json({
          statusCode: 401,
          ...TOKEN_REFUSALS[refusal],
          correlationId: (req as Request & { id?: string }).id,
        });
      },
      (error: unknown) => next(error),
    );
  });
}
