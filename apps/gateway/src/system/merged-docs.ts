import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Application, Request, Response } from 'express';
import { errorResponse } from '@dealgate/chassis';
import { CommonErrorCode } from '@dealgate/common';
import { BACKEND_SERVICES, BackendService } from '../routing/service-routes';
import { fetchJson } from './http-json';

interface OpenApiDoc {
  openapi?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, unknown>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  tags?: { name: string }[];
}

/** Every service has the same ops controllers: their operation ids get the service's name so each stays unique. */
function opsItem(service: string, item: unknown): unknown {
  const operations = Object.entries(item as Record<string, { operationId?: string }>);
  return Object.fromEntries(
    operations.map(([method, op]) => [
      method,
      op.operationId ? { ...op, operationId: `${service}_${op.operationId}` } : op,
    ]),
  );
}

/** The gateway forwards a service's operations: a service that does not answer is the proxy's 502. */
function proxiedItem(item: unknown): unknown {
  const operations = Object.entries(item as Record<string, { responses?: Record<string, unknown> }>);
  const unavailable = errorResponse('The service behind the gateway is not answering: try again later', [
    CommonErrorCode.ServiceUnavailable,
  ]);
  return Object.fromEntries(
    operations.map(([method, op]) => [method, { ...op, responses: { ...op.responses, '502': unavailable } }]),
  );
}

/** Merges the gateway's own document with each service's, rewriting ops paths to their public form. */
export function mergeDocuments(own: OpenApiDoc, services: [BackendService, OpenApiDoc | null][]): OpenApiDoc {
  const paths: Record<string, unknown> = { ...own.paths };
  const schemas: Record<string, unknown> = { ...own.components?.schemas };
  const tags = new Map((own.tags ?? []).map((t) => [t.name, t]));
  const ownOps = Object.keys(paths).filter((p) => p.startsWith('/api/ops/'));
  for (const path of ownOps) {
    paths[path.replace('/api/ops/', '/api/ops/gateway/')] = opsItem('gateway', paths[path]);
    delete paths[path];
  }
  const missing: string[] = [];
  for (const [service, doc] of services) {
    if (!doc) {
      missing.push(service);
      continue;
    }
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (path.startsWith('/api/ops/'))
        paths[path.replace('/api/ops/', `/api/ops/${service}/`)] = proxiedItem(opsItem(service, item));
      else paths[path] = proxiedItem(item);
    }
    Object.assign(schemas, doc.components?.schemas);
    for (const tag of doc.tags ?? []) tags.set(tag.name, tag);
  }
  const note = missing.length ? ` Not included (service not answering): ${missing.join(', ')}.` : '';
  return {
    ...own,
    info: {
      ...own.info,
      title: 'Dealgate API',
      description: `One document for every service behind the gateway.${note}`,
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: { ...own.components, schemas },
    tags: [...tags.values()],
  };
}

/** `GET /api/docs-json`: the merged document (Swagger UI at /api/docs loads it). */
export function mountMergedDocs(
  app: NestExpressApplication,
  selfUrl: () => string,
  urls: Record<BackendService, string>,
): void {
  (app.getHttpAdapter().getInstance() as Application).get('/api/docs-json', (_req: Request, res: Response) => {
    void (async () => {
      const own = await fetchJson(`${selfUrl()}/api/docs/gateway-json`);
      const services = await Promise.all(
        BACKEND_SERVICES.map(async (s): Promise<[BackendService, OpenApiDoc | null]> => {
          const answer = await fetchJson(`${urls[s]}/api/docs-json`);
          return [s, answer?.status === 200 ? (answer.body as OpenApiDoc) : null];
        }),
      );
      res.json(mergeDocuments((own?.body as OpenApiDoc) ?? {}, services));
    })();
  });
}
