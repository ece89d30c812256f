import type { OpenAPIObject } from '@nestjs/swagger';
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

const VERSION_NOTE =
  'Optimistic concurrency: send the `version` you last read (even for an action with no other input); if the ' +
  'object changed since, nothing changes and the answer is 409 `version_conflict`: read it again and retry.';

/** Says in the operation's description what a reader of the body schema would find surprising. */
function explainBody(operation: Operation, schemas: Record<string, Schema>): void {
  const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
  const body = typeof ref === 'string' ? schemas[ref.replace('#/components/schemas/', '')] : undefined;
  if (!body?.properties?.version || operation.description?.includes('version_conflict')) return;
  operation.description = operation.description ? `${operation.description}\n\n${VERSION_NOTE}` : VERSION_NOTE;
}

function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } };
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

function rolesSentence(roles: Role[] | undefined): string {
  const all = Object.values(Role);
  if (!roles || all.every((r) => roles.includes(r))) return 'The caller may not do this to this object';
  return `Only for ${roles.join(', ')}; or the caller may not do this to this object`;
}

/** The error answers an operation can give, from what its handler declares; explicit ones are kept. */
function errorResponses(path: string, method: string, facts: RouteFacts): Record<string, unknown> {
  const mutates = method !== 'get';
  const responses: Record<string, unknown> = {};
  // Any write can carry a body that is not JSON (body parsing runs before routing) or is too large.
  if (mutates || path.includes('{') || facts.hasBody || facts.queryTypes.length > 0)
    responses['400'] = errorResponse('Invalid input: `code` is `validation_failed` and `fields` names every bad one');
  if (!facts.isPublic || mutates)
    responses['401'] = errorResponse(
      facts.isPublic ? 'The credentials are not valid' : 'No valid access token or API key',
    );
  if (!facts.isPublic) responses['403'] = errorResponse(rolesSentence(facts.roles));
  // A write names objects in its body (a prospect to assign), a query in its filters (a salesperson's figures).
  if (path.includes('{') || mutates || facts.queryTypes.length > 0)
    responses['404'] = errorResponse('Not found, or not visible to the caller (also an object a filter names)');
  if (mutates) {
    responses['413'] = errorResponse('The body is over the size limit');
    responses['409'] = errorResponse(
      'The object is not in a state that allows it, or `version` is stale (`version_conflict`): read it again',
    );
  }
  // A query can break a rule too (e.g. a range that ends before it starts).
  if (mutates || facts.queryTypes.length > 0)
    responses['422'] = errorResponse('A business rule is not met: `code` names it, `message` says it in words');
  responses['429'] = errorResponse('Too many requests: wait as `Retry-After` says');
  return responses;
}

/**
 * The success answer under the status the handler really answers with: an `@ApiOkResponse` on a POST that answers
 * 201 would otherwise document a 200 that never comes.
 */
function successAtItsStatus(operation: Operation, facts: RouteFacts): Record<string, unknown> {
  const responses = { ...operation.responses } as Record<string, { content?: Record<string, { schema?: Schema }> }>;
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
 * formats, enums, required) and the error answers of every operation, all in the one `ErrorBody` shape.
 */
export function describeContract(document: OpenAPIObject, routes: Map<string, RouteFacts>): void {
  const classes = validatedClasses();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const target = classes.get(name);
    if (target) describeSchema(schema as Schema, target);
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      const facts = operation?.operationId ? routes.get(operation.operationId) : undefined;
      if (!operation || !facts) continue;
      for (const query of facts.queryTypes) describeQuery(operation.parameters ?? [], query);
      explainBody(operation, (document.components?.schemas ?? {}) as Record<string, Schema>);
      operation.responses = { ...errorResponses(path, method, facts), ...successAtItsStatus(operation, facts) };
    }
  }
}
