import { ParseUUIDPipe, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PARAMTYPES_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { REQUIRED_ROLES } from '@dealgate/auth';
import { IS_PUBLIC } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { ServiceName } from '@dealgate/messages';
import { RESOURCE_OWNERS } from '../../../apps/gateway/src/routing/service-routes';

/** One HTTP route of one service, with what its decorators say about access and input. */
export interface RouteInfo {
  service: ServiceName;
  method: string;
  /** As the service serves it, e.g. `/api/users/:id`. */
  path: string;
  /** As a client reaches it through the gateway; null when the gateway does not route it. */
  publicPath: string | null;
  isPublic: boolean;
  /** @Roles of the handler (or else of the class); undefined when none is declared. */
  roles: Role[] | undefined;
  params: string[];
  /** Path parameters checked by ParseUUIDPipe. */
  uuidParams: string[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  body?: Function;
  /** The DTO of `@Query()` (the whole query string), when the handler takes one. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  query?: Function;
  handler: string;
}

// Excluded from the global prefix in libs/chassis bootstrap.ts.
const UNPREFIXED = new Set(['health', 'metrics']);
type Ctor = abstract new (...args: never[]) => unknown;

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

function publicPathOf(service: ServiceName, path: string): string | null {
  if (path.startsWith('/api/ops/')) return path.replace('/api/ops/', `/api/ops/${service}/`);
  const resource = /^\/api\/([a-z-]+)/.exec(path)?.[1];
  if (!resource) return null;
  if (service === ServiceName.Gateway) return RESOURCE_OWNERS[resource] ? null : path;
  return RESOURCE_OWNERS[resource] === service ? path : null;
}

function wholeArgTypeOf(controller: Ctor, key: string, type: RouteParamtypes): RouteInfo['body'] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  const types = (Reflect.getMetadata(PARAMTYPES_METADATA, controller.prototype as object, key) ??
    []) as RouteInfo['body'][];
  const body = Object.entries(args).find(([k, v]) => k.split(':')[0] === String(type) && v.data === undefined);
  return body ? types[body[1].index] : undefined;
}

function uuidParamsOf(controller: Ctor, key: string): string[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<
    string,
    { data?: unknown; pipes?: unknown[] }
  >;
  return Object.entries(args)
    .filter(([k, v]) => k.split(':')[0] === String(RouteParamtypes.PARAM) && typeof v.data === 'string')
    .filter(([, v]) => (v.pipes ?? []).some((pipe) => pipe === ParseUUIDPipe || pipe instanceof ParseUUIDPipe))
    .map(([, v]) => v.data as string);
}

/** Every controller route of one Nest app, read from the decorators (what the guard reads). */
export function routesOf(service: ServiceName, app: NestExpressApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Ctor | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const handler = proto[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const paths = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat();
        for (const sub of paths) {
          const raw = join(base, sub);
          const path = UNPREFIXED.has(raw.slice(1)) ? raw : join('api', raw);
          const meta = <T>(k: string): T | undefined =>
            (Reflect.getMetadata(k, handler) as T | undefined) ?? (Reflect.getMetadata(k, controller) as T | undefined);
          routes.push({
            service,
            method: RequestMethod[method],
            path,
            publicPath: publicPathOf(service, path),
            isPublic: meta<boolean>(IS_PUBLIC) === true,
            roles: meta<Role[]>(REQUIRED_ROLES),
            params: [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]),
            uuidParams: uuidParamsOf(controller, key),
            body: wholeArgTypeOf(controller, key, RouteParamtypes.BODY),
            query: wholeArgTypeOf(controller, key, RouteParamtypes.QUERY),
            handler: `${controller.name}.${key}`,
          });
        }
      }
    }
  }
  return routes;
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/**
 * What Express actually serves (Nest routes and any route mounted on Express directly), as `METHOD path`. Layers
 * registered for every method are Nest middleware mounts (e.g. the request logger), not handlers: skipped.
 */
export function expressRoutesOf(app: NestExpressApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route && Object.keys(layer.route.methods).length < 10)
    .flatMap((layer) => Object.keys(layer.route!.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`));
}

export const routeKey = (r: Pick<RouteInfo, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** Fills path parameters with a well-formed id that matches nothing. */
export function fillParams(path: string, value = '00000000-0000-4000-8000-00000000abcd'): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, value);
}
