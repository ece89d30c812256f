import {
  ArgumentsHost,
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Param,
  ParseUUIDPipe,
} from '@nestjs/common';
import { lastValueFrom, of } from 'rxjs';
import { DomainError } from '@dealgate/domain';
import { AppExceptionFilter, nameBodyParseErrors } from './error-filter';
import { UuidParamsInterceptor } from './validation';

// Every 400 names what is wrong, in the one error body shape.
function answer(exception: unknown, params: Record<string, string> = {}, id?: string) {
  let sent: { status?: number; body?: Record<string, unknown> } = {};
  const response = {
    status: (status: number) => ({ json: (body: Record<string, unknown>) => (sent = { status, body }) }),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ params, id }) }),
  } as unknown as ArgumentsHost;
  new AppExceptionFilter(() => undefined).catch(exception, host);
  return sent;
}

describe('error body naming the input', () => {
  it('turns a JSON syntax error into a 400 naming the body', () => {
    const next = jest.fn();
    nameBodyParseErrors(
      Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400 }),
      {} as never,
      {} as never,
      next,
    );
    const mapped = next.mock.calls[0][0] as unknown;
    expect(mapped).toBeInstanceOf(BadRequestException);
    expect(answer(mapped).body).toMatchObject({
      statusCode: 400,
      code: 'entity_parse_failed',
      fields: [{ field: 'body' }],
    });
    const other = new Error('other');
    nameBodyParseErrors(other, {} as never, {} as never, next);
    expect(next).toHaveBeenLastCalledWith(other);
  });

  it('gives a body that failed to parse the correlation id of its request', () => {
    const next = jest.fn();
    nameBodyParseErrors(
      Object.assign(new SyntaxError('Unexpected end'), { type: 'entity.parse.failed', status: 400 }),
      {} as never,
      {} as never,
      next,
    );
    // The parser runs before the correlation context opens; the id assigned to the request is what is left.
    expect(answer(next.mock.calls[0][0], {}, 'req-77').body).toMatchObject({
      statusCode: 400,
      correlationId: 'req-77',
    });
  });

  it('names the path parameter ParseUUIDPipe refused (its own message does not)', async () => {
    const refused = await new ParseUUIDPipe().transform('nope', { type: 'param', data: 'id' }).catch((e: unknown) => e);
    expect(answer(refused, { id: 'nope', other: '00000000-0000-4000-8000-000000000001' }).body).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
      fields: [{ field: 'id', problems: ['must be a UUID'] }],
    });
  });

  it('lifts the fields of a domain error about one input', () => {
    const error = new DomainError('identity.weak_password', 'The password is too short.', {
      fields: [{ field: 'password', problems: ['too short'] }],
    });
    expect(answer(error).body).toMatchObject({
      statusCode: 422,
      code: 'identity.weak_password',
      fields: [{ field: 'password' }],
    });
  });
});

describe('UuidParamsInterceptor', () => {
  class Controller {
    handle(@Param('id', ParseUUIDPipe) id: string, @Param('code') code: string) {
      return [id, code];
    }
  }
  const context = (params: Record<string, string>) =>
    ({
      getType: () => 'http',
      getClass: () => Controller,
      getHandler: () => Controller.prototype.handle,
      switchToHttp: () => ({ getRequest: () => ({ params }) }),
    }) as unknown as ExecutionContext;
  const next: CallHandler = { handle: () => of('handled') };

  it('refuses a non-UUID id before any pipe runs, naming it, and leaves other parameters alone', async () => {
    const interceptor = new UuidParamsInterceptor();
    expect(() => interceptor.intercept(context({ id: "1' OR '1'='1", code: 'x' }), next)).toThrow(BadRequestException);
    try {
      interceptor.intercept(context({ id: 'x', code: 'x' }), next);
    } catch (error) {
      expect((error as BadRequestException).getResponse()).toMatchObject({ fields: [{ field: 'id' }] });
    }
    await expect(
      lastValueFrom(interceptor.intercept(context({ id: '00000000-0000-4000-8000-000000000001', code: 'any' }), next)),
    ).resolves.toBe('handled');
  });
});
