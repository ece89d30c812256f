import type { INestApplication, Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { REQUIRED_ROLES } from '@dealgate/auth';
import { IS_PUBLIC } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import type { Class } from './validation-schema';

/** What the OpenAPI document needs to know about one handler beyond what Swagger reads itself. */
export interface RouteFacts {
  isPublic: boolean;
  /** The roles allowed; undefined when the handler declares none. */
  roles?: Role[];
  /** The DTO classes of `@Query()` / `@Body()` parameters taken whole. */
  queryTypes: Class[];
  /** The DTO class of a `@Body()` taken whole, if any. */
  bodyType?: Class;
  hasBody: boolean;
  /** The status a success answers with: `@HttpCode`, else 201 for POST and 200 for the rest. */
  status: number;
}

function argsOf(controller: Type, method: string): { key: string; index: number; data?: unknown }[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown }
  >;
  return Object.entries(args).map(([key, arg]) => ({ key, index: arg.index, data: arg.data }));
}

/** Every handler of the app by Swagger's default operation id (`<Controller>_<method>`). */
export function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const paramTypes = (Reflect.getMetadata('design:paramtypes', prototype, method) ?? []) as Class[];
        const args = argsOf(controller, method);
        const whole = (type: RouteParamtypes) =>
          args
            .filter((a) => a.key.split(':')[0] === String(type) && a.data === undefined)
            .map((a) => paramTypes[a.index]);
        facts.set(`${controller.name}_${method}`, {
          isPublic: Boolean(Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)),
          roles: (Reflect.getMetadata(REQUIRED_ROLES, handler) ?? Reflect.getMetadata(REQUIRED_ROLES, controller)) as
            Role[] | undefined,
          queryTypes: whole(RouteParamtypes.QUERY).filter((t) => typeof t === 'function'),
          bodyType: whole(RouteParamtypes.BODY).find((t) => typeof t === 'function'),
          hasBody: args.some((a) => a.key.split(':')[0] === String(RouteParamtypes.BODY)),
          status:
            (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ??
            (Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST ? 201 : 200),
        });
      }
    }
  }
  return facts;
}
