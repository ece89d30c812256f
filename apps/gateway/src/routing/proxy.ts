import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { Agent } from 'node:http';
import { CommonErrorCode } from '@dealgate/common';
import { ServiceName } from '@dealgate/messages';
import { BACKEND_SERVICES, BackendService, RESOURCE_OWNERS, opsTarget } from './service-routes';

function ownerOf(path: string): BackendService | ServiceName.Gateway | null {
  const ops = opsTarget(path);
  if (ops) return ops.service;
  const resource = /^\/api\/([a-z-]+)/.exec(path)?.[1];
  return resource ? (RESOURCE_OWNERS[resource] ?? null) : null;
}

/** True for the paths the gateway forwards to a backend service (not its own routes). */
export function isProxiedPath(path: string): boolean {
  const owner = ownerOf(path);
  return owner !== null && owner !== ServiceName.Gateway;
}

/**
 * Forwards /api/<resource> to the owning service, body untouched (mounted before body parsing). Each service
 * verifies the caller's token itself; the gateway adds nothing but the correlation id header.
 */
export function mountServiceProxies(app: NestExpressApplication, urls: Record<BackendService, string>): void {
  // The gateway's own ops endpoints live at /api/ops/dead-letters.
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const ops = opsTarget(req.path);
    if (ops?.service === ServiceName.Gateway) req.url = req.url.replace('/api/ops/gateway', '/api/ops');
    next();
  });
  for (const service of BACKEND_SERVICES) {
    const proxy = createProxyMiddleware<Request, Response>({
      target: urls[service],
      // Connections to the services are kept and reused: without it every request opened a TCP connection to the
      // service and the service's `connection: close` reached the client, so clients could not keep theirs either.
      agent: new Agent({ keepAlive: true, maxSockets: 256 }),
      pathFilter: (path) => ownerOf(path) === service,
      pathRewrite: (path) => (opsTarget(path) ? path.replace(`/api/ops/${service}`, '/api/ops') : path),
      proxyTimeout: 30_000,
      on: {
        error: (_err, _req, res) => {
          const response = res as Response;
          if (!response.headersSent) {
            response.status(502).json({
              statusCode: 502,
              code: CommonErrorCode.ServiceUnavailable,
              message: `The ${service} service is not answering.`,
            });
          }
        },
      },
    });
    app.use(proxy);
  }
}
