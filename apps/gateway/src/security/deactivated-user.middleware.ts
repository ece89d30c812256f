import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AccessTokenService } from '@dealgate/auth';
import { UsersRepository } from '../identity/users.repository';
import { accessTokenOf } from './request-token';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Access tokens live minutes and every service verifies them without asking identity; so that a deactivation takes
 * effect at once for every public request, the gateway (the only public door) refuses the token of a user it knows
 * is deactivated, on its own routes and before forwarding, however the token came (header or the stream's query).
 * Mounted after API keys became tokens.
 */
export function mountDeactivatedUserCheck(app: NestExpressApplication): void {
  const tokens = app.get(AccessTokenService);
  const users = app.get(UsersRepository);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const token = accessTokenOf(req);
    const principal = token ? tokens.verify(token) : null;
    if (!principal || !UUID.test(principal.userId)) return next();
    users.isDeactivated(principal.userId).then(
      (deactivated) => {
        if (!deactivated) return next();
        res.status(401).json({
          statusCode: 401,
          code: 'unauthenticated',
          message: 'This account is deactivated.',
          correlationId: (req as Request & { id?: string }).id,
        });
      },
      (error: unknown) => next(error),
    );
  });
}
