import type { OpenAPIObject } from '@nestjs/swagger';
import { CommonErrorCode, StatusForCode, statusOfCode } from '@dealgate/common';
import { Role } from '@dealgate/domain';
import { RouteFacts } from './routes';
import { Class, keywordsOfRules, rulesByProperty, validatedClasses } from './validation-schema';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; required?: string[]; items?: Schema };
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  operationId?: string;
  description?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  parameters?: Parameter[];
  responses?: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The note on a body with `version`, naming the conflict code the handler declares (approvals has its own). */
function versionNote(code: string): string {
  return (
    'Optimistic concurrency: send the `version` you last read (even for an action with no other input); if the ' +
    `object changed since, nothing changes and the answer is 409 \`${code}\`: read it again and retry.`
  );
}

/** A code is this common one (codes are plain strings: a domain enum's, a common one's, or an ad-hoc one). */
const is = (code: string, common: CommonErrorCode): boolean => code === (common as string);

/** `version_conflict`, or a service's own version conflict (`approval.version_conflict`). */
const isVersionConflict = (code: string): boolean =>
  is(code, CommonErrorCode.VersionConflict) || code.endsWith('.version_conflict');

/** The version conflict code an operation declares, if any: `version_conflict` or a service's own. */
export function versionConflictCode(facts: RouteFacts): string | undefined {
  return facts.refuses.find(isVersionConflict);
}

/** True when the operation's body carries the `version` it was read at (optimistic concurrency). */
function isVersioned(operation: Operation, schemas: Record<string, Schema>): boolean {
  const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
  const body = typeof ref === 'string' ? schemas[ref.replace('#/components/schemas/', '')] : undefined;
  return Boolean(body?.properties?.version);
}

/** Says in the operation's description what a reader of the body schema would find surprising. */
function explainBody(operation: Operation, versioned: boolean, facts: RouteFacts): void {
  if (!versioned || operation.description?.includes('version_conflict')) return;
  const note = versionNote(versionConflictCode(facts) ?? CommonErrorCode.VersionConflict);
  operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
}

/** The class-validator rules of a DTO written into its component schema. */
function describeSchema(schema: Schema, target: Class): void {
  if (!schema.properties) return;
  const required = new Set(schema.required ?? []);
  for (const [property, rules] of rulesByProperty(target)) {
    const own = schema.properties[property];
    if (!own) continue;
    const keywords = keywordsOfRules(rules);
    const target = own.$ref || own.allOf ? undefined : own;
    if (target) Object.assign(target, keywords.own);
    if (target?.items && !target.items.$ref) Object.assign(target.items, keywords.items);
    if (keywords.required) required.add(property);
    else required.delete(property);
  }
  const ordered = Object.keys(schema.properties).filter((p) => required.has(p));
  if (ordered.length) schema.required = ordered;
  else delete schema.required;
}

/** The rules of a `@Query()` DTO written into the query parameters Swagger made of its properties. */
function describeQuery(parameters: Parameter[], target: Class): void {
  for (const [property, rules] of rulesByProperty(target)) {
    const parameter = parameters.find((p) => p.in === 'query' && p.name === property);
    if (!parameter?.schema) continue;
    const keywords = keywordsOfRules(rules);
    Object.assign(parameter.schema, keywords.own);
    if (parameter.schema.items) Object.assign(parameter.schema.items, keywords.items);
    parameter.required = keywords.required;
  }
}

const ERROR_BODY = '#/components/schemas/ErrorBody';

/** What a status means, before the list of its codes. */
function statusSentence(status: number, codes: string[], facts: RouteFacts): string {
  switch (status) {
    case 400:
      if (codes.every((c) => is(c, CommonErrorCode.EntityParseFailed))) return 'The body is not valid JSON';
      return codes.includes(CommonErrorCode.BadRequest)
        ? 'Invalid input: `fields` names every bad one (`bad_request`: Nest refused it without naming it)'
        : 'Invalid input: `fields` names every bad one';
    case 401:
      return facts.isPublic ? 'The credentials are not valid' : 'No valid access token or API key';
    case 403:
      return rolesSentence(facts.roles, codes);
    case 404:
      return 'Not found, or not visible to the caller';
    case 409: {
      const versions = codes.filter(isVersionConflict);
      if (versions.length === codes.length)
        return '`version` is stale: the object changed since it was read; read it again and retry';
      return versions.length
        ? 'The object is not in a state that allows it, or it changed since it was read'
        : 'The object is not in a state that allows it';
    }
    case 413:
      return 'The body is over the size limit';
    case 422:
      return 'A business rule is not met: `code` names it, `message` says it in words';
    case 429:
      return 'Too many requests: wait as `Retry-After` says';
    default:
      return 'The request is refused';
  }
}

function rolesSentence(roles: Role[] | undefined, codes: string[]): string {
  const all = Object.values(Role);
  const restricted = roles && !all.every((r) => roles.includes(r));
  const others = codes.some((c) => !is(c, CommonErrorCode.Forbidden));
  if (!restricted)
    return codes.every((c) => is(c, CommonErrorCode.Forbidden))
      ? 'The caller has no role at all'
      : 'The caller may not do this to this object';
  return `Only for ${roles.join(', ')}${others ? '; or the caller may not do this to this object' : ''}`;
}

/**
 * One error answer: the one `ErrorBody` shape with `code` narrowed to the codes this operation gives with this
 * status, each named in the description.
 */
export function errorResponse(sentence: string, codes: string[]) {
  const list = codes.map((c) => `\`${c}\``).join(', ');
  return {
    description: `${sentence}. \`code\`: ${list}.`,
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: ERROR_BODY },
            { type: 'object', required: ['code'], properties: { code: { type: 'string', enum: codes } } },
          ],
        },
      },
    },
  };
}

/** A create endpoint (a POST answering 201): it takes an `Idempotency-Key` (see libs/chassis idempotency). */
function isCreateOperation(method: string, facts: RouteFacts): boolean {
  return method === 'post' && facts.status === 201 && !facts.isPublic;
}

const IDEMPOTENCY_PARAMETER: Parameter & { description: string } = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retried create safe (Stripe-style): the same key and body from the same caller within 24 h answer the ' +
    'first response again (`Idempotent-Replayed: true`) and create nothing; the same key with another body is ' +
    '422 `idempotency_key_reused`; while the first request runs, 409 `idempotency_in_progress`; when the first ' +
    'request was applied but the service stopped before keeping its answer, 409 `idempotency_answer_lost` (read the ' +
    'created resource instead of retrying). 1 to 200 visible ' +
    'ASCII characters, e.g. a UUID per intended action.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

/**
 * The codes an operation can answer, by status: the ones its route implies (what the HTTP layer, the guards and
 * the validation give) and the ones its handler declares with `@Refuses`, each under the status the app's own
 * code -> status map gives it (the same function the error filter asks).
 */
export function errorCodesOf(method: string, facts: RouteFacts, statusForCode: StatusForCode): Map<number, string[]> {
  const mutates = method !== 'get';
  const codes = new Map<number, Set<string>>();
  const add = (code: string, status = statusOfCode(statusForCode, code)) =>
    codes.set(status, (codes.get(status) ?? new Set()).add(code));
  if (facts.validatesInput) add(CommonErrorCode.ValidationFailed);
  // Body parsing runs before routing: any write can carry a body that is not JSON, or is too large.
  if (mutates) add(CommonErrorCode.EntityParseFailed);
  if (facts.hasEnumParam) add(CommonErrorCode.BadRequest);
  // The guard refuses a missing token or a deactivated account's, and a revoked one (the gateway too); the gateway
  // a bad API key, on any route.
  add(CommonErrorCode.Unauthenticated);
  add(CommonErrorCode.TokenRevoked);
  add(CommonErrorCode.InvalidApiKey);
  // The guard refuses a caller with none of the roles (even `@Roles(...ALL_ROLES)`: a token with no role).
  if (!facts.isPublic && facts.roles) add(CommonErrorCode.Forbidden);
  if (mutates) add(CommonErrorCode.EntityTooLarge);
  for (const code of facts.refuses) add(code);
  if (isCreateOperation(method, facts)) {
    add(CommonErrorCode.IdempotencyKeyReused);
    add(CommonErrorCode.IdempotencyInProgress);
    add(CommonErrorCode.IdempotencyAnswerLost);
  }
  add(CommonErrorCode.TooManyRequests);
  return new Map([...codes].sort(([a], [b]) => a - b).map(([status, set]) => [status, [...set]]));
}

/** The error answers of an operation, from what its route implies and its handler declares. */
function errorResponses(
  method: string,
  facts: RouteFacts,
  statusForCode: StatusForCode,
  explicit: Record<string, { description?: string }>,
): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  for (const [status, codes] of errorCodesOf(method, facts, statusForCode)) {
    // An `@ApiResponse` for the status keeps its own sentence; the codes are still the declared ones.
    const sentence = explicit[String(status)]?.description?.replace(/\.$/, '') || statusSentence(status, codes, facts);
    responses[String(status)] = errorResponse(sentence, codes);
  }
  return responses;
}

/**
 * The success answer under the status the handler really answers with: an `@ApiOkResponse` on a POST that answers
 * 201 would otherwise document a 200 that never comes.
 */
function successAtItsStatus(operation: Operation, facts: RouteFacts): Record<string, unknown> {
  const responses = Object.fromEntries(
    Object.entries(operation.responses ?? {}).filter(([status]) => !/^[45]/.test(status)),
  ) as Record<string, { content?: Record<string, { schema?: Schema }> }>;
  // Swagger gives every produced media type the JSON schema; a CSV or an event stream is text.
  for (const answer of Object.values(responses))
    for (const [media, content] of Object.entries(answer.content ?? {}))
      if (media !== 'application/json' && content.schema?.type !== 'string') content.schema = { type: 'string' };
  const success = Object.keys(responses).filter((s) => s.startsWith('2'));
  if (success.length === 1 && success[0] !== String(facts.status)) {
    responses[String(facts.status)] = responses[success[0]];
    delete responses[success[0]];
  }
  return responses;
}

/**
 * Completes a service's document with what Swagger cannot see: the class-validator rules of every DTO (limits,
 * formats, enums, required) and the error answers of every operation, all in the one `ErrorBody` shape with the
 * codes each status can carry for that operation (`statusForCode`: the app's own map, as the error filter uses).
 */
export function describeContract(
  document: OpenAPIObject,
  routes: Map<string, RouteFacts>,
  statusForCode: StatusForCode = () => undefined,
): void {
  const classes = validatedClasses();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const target = classes.get(name);
    if (target) describeSchema(schema as Schema, target);
  }
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const facts = operation?.operationId ? routes.get(operation.operationId) : undefined;
      if (!operation || !facts) continue;
      for (const query of facts.queryTypes) describeQuery(operation.parameters ?? [], query);
      if (isCreateOperation(method, facts))
        operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_PARAMETER];
      const versioned = isVersioned(operation, (document.components?.schemas ?? {}) as Record<string, Schema>);
      explainBody(operation, versioned, facts);
      const explicit = (operation.responses ?? {}) as Record<string, { description?: string }>;
      const errors = errorResponses(method, facts, statusForCode, explicit);
      // An error status documented by `@ApiResponse` whose codes nobody declared stays as written (the drift test
      // names it: declare its codes with `@Refuses`).
      const undeclared = Object.fromEntries(Object.entries(explicit).filter(([s]) => /^[45]/.test(s) && !errors[s]));
      operation.responses = { ...undeclared, ...errors, ...successAtItsStatus(operation, facts) };
    }
  }
}
