import type { OpenAPIObject } from '@nestjs/swagger';
import { CommonErrorCode, StatusForCode } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { Contract } from '@dealgate/testing';
import { describeContract, errorCodesOf } from './contract';
import { RouteFacts } from './routes';

// The error answers of an operation come from what its route implies and what its handler declares with @Refuses,
// each under the status the app's own map gives; the test helpers then refuse any code the document does not list.

const STATUS: Record<string, number> = { 'shop.sold_out': 409, 'shop.too_cheap': 422, 'shop.not_yours': 403 };
const statusForCode: StatusForCode = (code) => STATUS[code];

function facts(overrides: Partial<RouteFacts> = {}): RouteFacts {
  return {
    isPublic: false,
    roles: [Role.Salesperson],
    queryTypes: [],
    hasBody: true,
    status: 200,
    validatesInput: true,
    hasEnumParam: false,
    refuses: [],
    ...overrides,
  };
}

function documentWith(operation: RouteFacts): OpenAPIObject {
  const document = {
    openapi: '3.0.0',
    info: { title: 'shop', version: '1' },
    paths: {
      '/api/orders/{id}/buy': {
        post: { operationId: 'OrderController_buy', responses: { '200': { description: '' } } },
      },
    },
    components: {
      schemas: {
        ErrorBody: {
          type: 'object',
          properties: {
            statusCode: { type: 'integer' },
            code: { type: 'string' },
            message: { type: 'string' },
            correlationId: { type: 'string' },
          },
          required: ['statusCode', 'code', 'message'],
        },
      },
    },
  } as unknown as OpenAPIObject;
  describeContract(document, new Map([['OrderController_buy', operation]]), statusForCode);
  return document;
}

const error = (statusCode: number, code: string) => ({ statusCode, code, message: 'No.', correlationId: 'c-1' });

describe('error codes in the OpenAPI document', () => {
  it('puts every declared code under the status the app maps it to, beside the ones the route implies', () => {
    const codes = errorCodesOf(
      'post',
      facts({
        refuses: ['shop.sold_out', 'shop.too_cheap', CommonErrorCode.NotFound, CommonErrorCode.VersionConflict],
      }),
      statusForCode,
    );
    expect(Object.fromEntries(codes)).toEqual({
      400: ['validation_failed', 'entity_parse_failed'],
      401: ['unauthenticated', 'token_revoked', 'invalid_api_key'],
      403: ['forbidden'],
      404: ['not_found'],
      409: ['shop.sold_out', 'version_conflict'],
      413: ['entity_too_large'],
      422: ['shop.too_cheap'],
      429: ['too_many_requests'],
    });
  });

  it('documents no status a route cannot answer: a read without a role rule has no 403, 409, 413 or 422', () => {
    const codes = errorCodesOf('get', facts({ roles: undefined, hasBody: false }), statusForCode);
    expect([...codes.keys()]).toEqual([400, 401, 429]);
    // Open to every role, the guard still refuses a token with no role at all.
    expect(errorCodesOf('get', facts({ roles: Object.values(Role) }), statusForCode).get(403)).toEqual(['forbidden']);
  });

  it('narrows the error body of each status to its codes and names them in the description', () => {
    const document = documentWith(facts({ refuses: ['shop.sold_out'] }));
    const answer = (document.paths['/api/orders/{id}/buy'].post?.responses ?? {})['409'] as {
      description: string;
      content: Record<string, { schema: { allOf: unknown[] } }>;
    };
    expect(answer.description).toContain('`shop.sold_out`');
    expect(answer.content['application/json'].schema.allOf).toEqual([
      { $ref: '#/components/schemas/ErrorBody' },
      { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: ['shop.sold_out'] } } },
    ]);
  });
});

describe('checking answers against the document (expectMatchesContract)', () => {
  const contract = new Contract(
    documentWith(facts({ refuses: ['shop.sold_out', 'shop.not_yours'] })) as unknown as Record<string, unknown>,
  );
  const check = (status: number, body: unknown) => () =>
    contract.check('POST', '/api/orders/3f0c5b1e-8a2d-4c6b-9e7f-1a2b3c4d5e6f/buy', status, body, 'application/json');

  it('accepts an error whose code the operation documents for its status', () => {
    expect(check(409, error(409, 'shop.sold_out'))).not.toThrow();
    expect(check(403, error(403, 'shop.not_yours'))).not.toThrow();
    expect(check(403, error(403, 'forbidden'))).not.toThrow();
  });

  it('refuses an error whose code the operation does not document, and says to declare it', () => {
    expect(check(409, error(409, 'shop.lost_in_the_mail'))).toThrow(/shop\.lost_in_the_mail.*@Refuses/s);
    // A documented code under another status than the one it is documented for is a lie too.
    expect(check(409, error(409, 'shop.not_yours'))).toThrow(/does not match openapi\.json/);
  });

  it('refuses a status the operation does not document at all (no code of it is declared)', () => {
    expect(check(422, error(422, 'shop.too_cheap'))).toThrow(/does not document/);
  });

  it('still refuses fields the error body does not have', () => {
    expect(check(409, { ...error(409, 'shop.sold_out'), hint: 'try tomorrow' })).toThrow(/additional properties/);
  });
});
