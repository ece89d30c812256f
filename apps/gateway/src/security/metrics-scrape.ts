import type { NestExpressApplication } from '@nestjs/platform-express';
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { GatewayEnv } from '../gateway.env';

const matches = (given: string, expected: string): boolean =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/**
 * The gateway listens on the public port, so its `/metrics` is not for everyone: with METRICS_TOKEN set, a scraper
 * sends `Authorization: Bearer <METRICS_TOKEN>` (else 401); without it, `/metrics` is not served there (404). The
 * services' own `/metrics` stay on their loopback ports.
 */
export function mountMetricsScrapeToken(app: NestExpressApplication): void {
  const { METRICS_TOKEN: token } = app.get(GatewayEnv);
  app.use('/metrics', (req: Request, res: Response, next: NextFunction) => {
    const correlationId = (req as Request & { id?: string }).id;
    if (!token)
      return void res.status(404).json({ statusCode: 404, code: 'not_found', message: 'Not found.', correlationId });
    const header = req.headers.authorization;
    if (typeof header === 'string' && header.startsWith('Bearer ') && matches(header.slice(7), token)) return next();
    res.status(401).json({
      statusCode: 401,
      code: 'unauthenticated',
      message: 'The metrics need the scrape token.',
      correlationId,
    });
  });
}
