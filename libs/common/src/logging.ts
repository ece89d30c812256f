import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER, currentCorrelationId, sanitizeCorrelationId } from './correlation';

/**
 * Structured JSON logs. Every line carries the service and the current correlation id (HTTP request or job), so
 * one prospect's move can be followed across services with a single filter. Credentials never reach a log.
 */
export function createLoggerModule(service: string, level: string) {
  return LoggerModule.forRoot({
    // Express 5 route syntax for "every path" (the default '*' triggers a legacy-route warning).
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level,
      base: { service },
      // assignCorrelationId ran first; pino-http reuses its id.
      genReqId: (req: IncomingMessage) =>
        (req as IncomingMessage & { id?: string }).id ??
        sanitizeCorrelationId(req.headers[CORRELATION_HEADER]) ??
        randomUUID(),
      mixin: () => {
        const correlationId = currentCorrelationId();
        return correlationId ? { correlationId } : {};
      },
      redact: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
      ],
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  });
}
