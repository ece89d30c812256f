import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { normalizeEmail } from '@dealgate/domain';
import { GatewayEnv } from '../gateway.env';

const LOGIN_THROTTLE = 'dealgate:loginThrottle';

/**
 * Marks a route that takes a password: limited per client address and e-mail (slows guessing one account), and per
 * client address across e-mails (slows spraying one password over many accounts).
 */
export const LoginThrottle = () => SetMetadata(LOGIN_THROTTLE, true);

const isLoginRoute = (context: ExecutionContext): boolean =>
  Reflect.getMetadata(LOGIN_THROTTLE, context.getHandler()) === true;

// Probes (orchestrators, the aggregated /api/health) must never be refused.
const isProbe = (context: ExecutionContext): boolean =>
  ['/health', '/metrics'].includes(context.switchToHttp().getRequest<{ path?: string }>().path ?? '');

/** Per-minute limits of the gateway's own endpoints (in-memory: per replica; enough against one guesser). */
export function throttlerOptions(config: GatewayEnv): ThrottlerModuleOptions {
  return {
    errorMessage: 'Too many requests; wait a minute and try again.',
    skipIf: isProbe,
    throttlers: [
      { name: 'api', ttl: 60_000, limit: config.API_RATE_LIMIT },
      {
        name: 'login',
        ttl: 60_000,
        limit: config.LOGIN_RATE_LIMIT,
        skipIf: (context) => !isLoginRoute(context),
        getTracker: (req: Record<string, unknown>) => {
          const body = req.body as { email?: unknown } | undefined;
          const email = typeof body?.email === 'string' ? normalizeEmail(body.email).slice(0, 254) : '';
          return `${String(req.ip)}|${email}`;
        },
      },
      {
        name: 'login-address',
        ttl: 60_000,
        limit: config.LOGIN_ADDRESS_RATE_LIMIT,
        skipIf: (context) => !isLoginRoute(context),
        getTracker: (req: Record<string, unknown>) => String(req.ip),
      },
    ],
  };
}
