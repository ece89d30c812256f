import type { NestExpressApplication } from '@nestjs/platform-express';
import { GatewayEnv } from '../gateway.env';

/**
 * Browsers may call the API only from the console's origin: CONSOLE_ORIGIN, or else the gateway's own origin
 * (the console is served by the gateway). Other origins get no CORS headers, so browsers refuse the answer.
 */
export function enableConsoleCors(app: NestExpressApplication, config: GatewayEnv, selfUrl: () => string): void {
  const allowed = (): string[] => {
    if (config.CONSOLE_ORIGIN) return [new URL(config.CONSOLE_ORIGIN).origin];
    const port = new URL(selfUrl()).port;
    return [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  };
  app.enableCors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed().includes(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Correlation-Id'],
    exposedHeaders: ['X-Correlation-Id'],
    maxAge: 600,
  });
}
