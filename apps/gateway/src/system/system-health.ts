import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Application, Request, Response } from 'express';
import { ServiceName } from '@dealgate/messages';
import { BACKEND_SERVICES, BackendService } from '../routing/service-routes';
import { fetchJson } from './http-json';

export interface SystemHealth {
  status: 'ok' | 'error';
  down: ServiceName[];
  services: Record<string, { status: 'up' | 'down'; details?: unknown }>;
}

export async function checkSystemHealth(selfUrl: string, urls: Record<BackendService, string>): Promise<SystemHealth> {
  const targets: [ServiceName, string][] = [
    [ServiceName.Gateway, selfUrl],
    ...BACKEND_SERVICES.map((s): [ServiceName, string] => [s, urls[s]]),
  ];
  const results = await Promise.all(
    targets.map(async ([service, base]) => {
      const answer = await fetchJson(`${base}/health`);
      const up = answer?.status === 200;
      return [service, { status: up ? 'up' : 'down', details: answer?.body ?? 'not reachable' }] as const;
    }),
  );
  const services = Object.fromEntries(results) as SystemHealth['services'];
  const down = results.filter(([, r]) => r.status === 'down').map(([s]) => s);
  return { status: down.length ? 'error' : 'ok', down, services };
}

/**
 * `GET /api/health`: 200 `{ status: 'up' }` when all five services (database and queue each) are up, else 503
 * `{ status: 'down' }`. The public learns only that; which service and why is for admins (`GET /api/system/status`).
 */
export function mountSystemHealth(
  app: NestExpressApplication,
  selfUrl: () => string,
  urls: Record<BackendService, string>,
): void {
  (app.getHttpAdapter().getInstance() as Application).get('/api/health', (_req: Request, res: Response) => {
    void checkSystemHealth(selfUrl(), urls).then((health) => {
      res.status(health.down.length ? 503 : 200).json({ status: health.down.length ? 'down' : 'up' });
    });
  });
}
