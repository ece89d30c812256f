import type { INestApplication, Type } from '@nestjs/common';
import { ParseEnumPipe, ParseUUIDPipe, RequestMethod } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { REQUIRED_ROLES } from '@dealgate/auth';
import { IS_PUBLIC, REFUSES } from '@dealgate/common';
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
  /** Input the validation can refuse (`validation_failed`): a DTO body, query or parameter, or a UUID path parameter. */
  validatesInput: boolean;
  /** A path parameter checked by ParseEnumPipe, which refuses with Nest's bare `bad_request`. */
  hasEnumParam: boolean;
  /** The codes declared with `@Refuses` on the handler and on its controller class. */
  refuses: string[];
}

const PRIMITIVES: unknown[] = [String, Number, Boolean, Object, Array];

function pipesOf(arg: { pipes?: unknown[] }): unknown[] {
  return arg.pipes ?? [];
}

function argsOf(controller: Type, method: string): { key: string; index: number; data?: unknown; pipes?: unknown[] }[] {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { index: number; data?: unknown; pipes?: unknown[] }
  >;
  return Object.entries(args).map(([key, arg]) => ({ key, index: arg.index, data: arg.data, pipes: arg.pipes }));
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
        const typeOf = (a: { key: string }) => a.key.split(':')[0];
        const inputs = [RouteParamtypes.BODY, RouteParamtypes.QUERY, RouteParamtypes.PARAM].map(String);
        const isPipe = (pipe: unknown, type: Type) => pipe === type || pipe instanceof type;
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
          // The global ValidationPipe validates every class-typed input; the UUID interceptor every UUID parameter.
          validatesInput: args.some(
            (a) =>
              pipesOf(a).some((p) => isPipe(p, ParseUUIDPipe)) ||
              (inputs.includes(typeOf(a)) &&
                typeof paramTypes[a.index] === 'function' &&
                !PRIMITIVES.includes(paramTypes[a.index])),
          ),
          hasEnumParam: args.some((a) => pipesOf(a).some((p) => isPipe(p, ParseEnumPipe))),
          refuses: [
            ...new Set([
              ...((Reflect.getMetadata(REFUSES, controller) ?? []) as string[]),
              ...((Reflect.getMetadata(REFUSES, handler) ?? []) as string[]),
            ]),
          ],
        });
      }
    }
  }
  return facts;
}
