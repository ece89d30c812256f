import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  ParseUUIDPipe,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { Observable } from 'rxjs';

/**
 * The largest value of a PostgreSQL `integer` (int4) column: every integer input stored in one (versions, revisions,
 * step indexes, positions) carries `@Max(MAX_INT4)`, so 2147483648 is a 400 naming the field, not a 500.
 */
export const MAX_INT4 = 2_147_483_647;

/** The longest span in days an input may give (payment, delivery, sales cycle, stage limits): ten years. */
export const MAX_DAYS = 3650;

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent
      ? /^\d+$/.test(error.property)
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** Input errors answer 400 with every offending field named, in the common error body shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        code: 'validation_failed',
        message: `Invalid input: ${fields.map((f) => `${f.field} (${f.problems.join('; ')})`).join(', ')}`,
        fields,
      });
    },
  });
}

const UUID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks the path parameters a handler declares with ParseUUIDPipe before any pipe runs. Nest resolves a handler's
 * parameters concurrently, so a bad id could otherwise be reported as "body: missing fields" (whichever pipe fails
 * first), or by ParseUUIDPipe without the parameter's name; here every bad id is named, always.
 */
@Injectable()
export class UuidParamsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ??
      {}) as Record<string, { data?: unknown; pipes?: unknown[] }>;
    const params = (context.switchToHttp().getRequest<Request>().params ?? {}) as Record<string, unknown>;
    const bad = Object.entries(args)
      .filter(([key, arg]) => key.split(':')[0] === String(RouteParamtypes.PARAM) && typeof arg.data === 'string')
      .filter(([, arg]) => (arg.pipes ?? []).some((pipe) => pipe === ParseUUIDPipe || pipe instanceof ParseUUIDPipe))
      .map(([, arg]) => arg.data as string)
      .filter((name) => typeof params[name] !== 'string' || !UUID_SHAPE.test(params[name]));
    if (bad.length) {
      throw new BadRequestException({
        code: 'validation_failed',
        message: `Invalid input: ${bad.map((name) => `${name} (must be a UUID)`).join(', ')}`,
        fields: bad.map((field) => ({ field, problems: ['must be a UUID'] })),
      });
    }
    return next.handle();
  }
}
