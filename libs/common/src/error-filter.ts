import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { DomainError } from '@dealgate/domain';
import type { NextFunction, Request, Response } from 'express';
import { currentCorrelationId } from './correlation';
import { ErrorBody } from './error-body';
import { COMMON_CODE_STATUS, CommonErrorCode } from './error-codes';

/** Maps a domain error code to its HTTP status. Each app passes one exhaustive map for the codes it throws. */
export type StatusForCode = (code: string) => number | undefined;

/**
 * A service's code -> status map (`apps/<service>/src/<service>.status.ts`) from one record per error-code enum,
 * each typed `Record<TheEnum, number>` so a new code is a compile error until it is mapped. A code of no record
 * (a common one) answers undefined; so does a name of the object prototype (`constructor`).
 */
export function statusMap(...records: Readonly<Record<string, number>>[]): StatusForCode {
  const statuses = new Map(records.flatMap((record) => Object.entries(record)));
  return (code) => statuses.get(code);
}

/**
 * The status a code answers with: the app's own map, else the common codes' (`not_found`, `version_conflict`...),
 * else 422 (a broken business rule). The error filter and the OpenAPI document both ask this one function.
 */
export function statusOfCode(statusForCode: StatusForCode, code: string): number {
  return statusForCode(code) ?? COMMON_CODE_STATUS[code as CommonErrorCode] ?? HttpStatus.UNPROCESSABLE_ENTITY;
}

function httpCode(status: number): string {
  return (HttpStatus[status] ?? 'error').toLowerCase();
}

/**
 * Express error middleware, mounted right after the body parsers: Nest would turn a JSON syntax error into a bare
 * 400 with the parser's message; this makes it the common body naming the input (`body`).
 */
export function nameBodyParseErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if ((error as { type?: unknown } | null)?.type !== 'entity.parse.failed') return next(error);
  next(
    new BadRequestException({
      code: 'entity_parse_failed',
      message: 'Invalid input: body (must be valid JSON)',
      fields: [{ field: 'body', problems: ['must be valid JSON'] }],
    }),
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Input errors that Nest's own pipes and body-parser raise without naming the input get it named here, so every
 * 400 says which field is wrong: ParseUUIDPipe ("uuid is expected") names the path parameters that are not UUIDs,
 * a body that is not JSON names `body`.
 */
function withFieldNames(body: ErrorBody, request: Request | undefined): ErrorBody {
  if (body.statusCode !== 400 || body.fields) return body;
  if (body.code === 'entity_parse_failed')
    return { ...body, fields: [{ field: 'body', problems: ['must be valid JSON'] }] };
  const params = (request?.params ?? {}) as Record<string, unknown>;
  if (/uuid is expected/i.test(body.message)) {
    const bad = Object.entries(params)
      .filter(([, v]) => typeof v === 'string' && !UUID.test(v))
      .map(([k]) => k);
    if (bad.length) {
      return {
        ...body,
        code: 'validation_failed',
        message: `Invalid input: ${bad.map((k) => `${k} (must be a UUID)`).join(', ')}`,
        fields: bad.map((field) => ({ field, problems: ['must be a UUID'] })),
      };
    }
  }
  return body;
}

/**
 * The one place errors become HTTP answers: domain errors by their code, Nest's HTTP exceptions as they are,
 * anything else a 500 that logs the cause and shows none of it.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly statusForCode: StatusForCode = () => undefined) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<(Request & { id?: unknown }) | undefined>();
    const body = withFieldNames(this.toBody(exception), request);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    // A body that fails to parse is refused before the correlation context opens: the request still has its id.
    const correlationId = currentCorrelationId() ?? (typeof request?.id === 'string' ? request.id : undefined);
    response.status(body.statusCode).json({ ...body, correlationId });
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const { code } = exception as DomainError<string>;
      const statusCode = statusOfCode(this.statusForCode, code);
      const details = (exception as DomainError<string>).details;
      // A rule about one input (e.g. a weak password) names it like validation does: details.fields.
      const fields = Array.isArray(details?.fields) ? { fields: details.fields as ErrorBody['fields'] } : {};
      return { statusCode, code, message: exception.message, details, ...fields };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const message =
        typeof obj.message === 'string'
          ? obj.message
          : Array.isArray(obj.message)
            ? obj.message.join('; ')
            : exception.message;
      return {
        statusCode,
        code: typeof obj.code === 'string' ? obj.code : httpCode(statusCode),
        message,
        ...(Array.isArray(obj.fields) ? { fields: obj.fields as ErrorBody['fields'] } : {}),
      };
    }
    // body-parser errors (malformed JSON, oversize bodies) carry their own status.
    const status = (exception as { status?: unknown })?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: unknown }).type;
      const message =
        type === 'entity.too.large'
          ? 'The request body is too large.'
          : type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : 'The request could not be read.';
      return {
        statusCode: status,
        code: typeof type === 'string' ? type.replace(/\./g, '_') : httpCode(status),
        message,
      };
    }
    return {
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side; the error is logged.',
    };
  }
}
