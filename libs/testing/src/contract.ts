import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readCommittedDocument } from './openapi-document';

type Json = Record<string, unknown>;
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
}
interface Route {
  template: string;
  pattern: RegExp;
  params: number;
  item: Record<string, Operation>;
}

/** Routes that are not part of the API document: health, metrics, the docs themselves, the console. */
const OUTSIDE_CONTRACT = [/^\/health$/, /^\/metrics$/, /^\/api\/docs/, /^\/(?!api\/)/];
const SERVICES = ['gateway', 'prospects', 'approvals', 'contracts', 'notifications'];
const REF_BASE = 'openapi.json';

/**
 * OpenAPI 3.0 schemas as JSON Schema for ajv: `nullable` becomes "or null", refs point into the registered
 * document, and objects with declared properties admit no others (an undocumented field is a contract break).
 * The members of an `allOf` narrow a whole schema (e.g. an error's `code` to the operation's codes): they stay
 * open, the schema they narrow is closed itself.
 */
function toJsonSchema(schema: unknown, closed = true): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema as Json)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = `${REF_BASE}${value}`;
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (key === 'allOf' && Array.isArray(value)) out.allOf = value.map((v) => toJsonSchema(v, false));
    else out[key] = toJsonSchema(value);
  }
  if (closed && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return (schema as Json).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Checks HTTP answers against one OpenAPI document (see `expectMatchesContract`). */
export class Contract {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: Json) {
    addFormats(this.ajv);
    const components = (document.components ?? {}) as Json;
    this.ajv.addSchema({ $id: REF_BASE, components: toJsonSchema(components) as Json });
    this.routes = Object.entries((document.paths ?? {}) as Record<string, Record<string, Operation>>)
      .map(([template, item]) => ({
        template,
        item,
        params: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      }))
      // A literal segment wins over a parameter (`/offers/board` before `/offers/{id}`).
      .sort((a, b) => a.params - b.params || b.template.length - a.template.length);
  }

  private route(path: string): Route | undefined {
    const direct = this.routes.find((r) => r.pattern.test(path));
    if (direct || !path.startsWith('/api/ops/')) return direct;
    // A service's own ops routes (called on the service, not the gateway) are documented under its name.
    for (const service of SERVICES) {
      const found = this.routes.find((r) => r.pattern.test(path.replace('/api/ops/', `/api/ops/${service}/`)));
      if (found) return found;
    }
    return undefined;
  }

  private validator(key: string, schema: Json): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(schema) as Json);
      this.validators.set(key, validate);
    }
    return validate;
  }

  check(method: string, url: string, status: number, body: unknown, contentType?: string | null): void {
    const path = new URL(url, 'http://x').pathname;
    if (OUTSIDE_CONTRACT.some((p) => p.test(path))) return;
    const route = this.route(path);
    const verb = method.toLowerCase();
    // No such route or method: Nest's own 404 for a route that does not exist is no operation of the contract.
    const operation = route?.item[verb];
    if (!route || !operation) return;
    const where = `${method.toUpperCase()} ${route.template} (called as ${path})`;
    const response = operation.responses?.[String(status)] ?? operation.responses?.default;
    if (!response) {
      const documented = Object.keys(operation.responses ?? {}).join(', ');
      throw new Error(
        `API contract: ${where} answered ${status}, which openapi.json does not document (it lists ${documented}). ` +
          `Document it (an error: declare its code with @Refuses(...) on the handler; then run npm run openapi) or ` +
          `fix the answer.\nBody: ${JSON.stringify(body)?.slice(0, 500)}`,
      );
    }
    const media = (contentType ?? 'application/json').split(';')[0].trim();
    if (body === null || body === undefined || body === '') {
      if (response.content && media === 'application/json' && status !== 204)
        throw new Error(`API contract: ${where} answered ${status} with no body; openapi.json documents one.`);
      return;
    }
    if (media !== 'application/json') {
      if (response.content && !response.content[media] && !response.content['*/*'])
        throw new Error(`API contract: ${where} answered ${status} as ${media}, which openapi.json does not list.`);
      return;
    }
    const schema = response.content?.['application/json']?.schema;
    if (!schema) {
      throw new Error(
        `API contract: ${where} answered ${status} with a JSON body, but openapi.json documents no body for it.\n` +
          `Body: ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
    const validate = this.validator(`${verb} ${route.template} ${status}`, schema);
    if (!validate(body)) {
      const problems = (validate.errors ?? []).map(
        (e) =>
          `${e.instancePath || '(body)'} ${e.message ?? ''}` +
          (e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)})` : ''),
      );
      const code = status >= 400 ? (body as { code?: unknown }).code : undefined;
      const codes = problems.some((p) => p.startsWith('/code ')) && typeof code === 'string';
      throw new Error(
        `API contract: ${where} answered ${status} with a body that does not match openapi.json:\n  ` +
          `${[...new Set(problems)].slice(0, 15).join('\n  ')}\n` +
          (codes
            ? `The code ${code} is not one the operation documents for ${status}: declare it with @Refuses(...) on ` +
              `the handler (then run npm run openapi), or fix the answer.\n`
            : '') +
          `Body: ${JSON.stringify(body).slice(0, 1000)}`,
      );
    }
  }
}

let contract: Contract | undefined;

/**
 * Checks one HTTP answer against the committed openapi.json: the status must be documented for the operation and a
 * JSON body must match its schema (no undocumented fields; an error's `code` one the operation lists for that
 * status, i.e. declared with `@Refuses` or implied by its route). Throws a message naming the operation otherwise.
 * Paths outside the document (health, metrics, unknown routes) are not checked. Schemas are compiled once per
 * process.
 */
export function expectMatchesContract(
  method: string,
  url: string,
  status: number,
  body: unknown,
  contentType?: string | null,
): void {
  contract ??= new Contract(readCommittedDocument());
  contract.check(method, url, status, body, contentType);
}

/**
 * Checks a `fetch` answer against the committed openapi.json (see `expectMatchesContract`) without consuming it:
 * JSON is parsed from a clone, a CSV or other text is checked for its media type, an event stream (endless) for
 * its status and media type only.
 */
export async function expectResponseMatchesContract(
  method: string,
  url: string | URL,
  response: Response,
): Promise<void> {
  const type = response.headers.get('content-type');
  const media = (type ?? '').split(';')[0].trim();
  let body: unknown;
  if (media === 'text/event-stream') body = '(event stream)';
  else {
    const text = await response.clone().text();
    body = text && media === 'application/json' ? (JSON.parse(text) as unknown) : text;
  }
  expectMatchesContract(method, String(url), response.status, body, type);
}

/** `fetch`, with the answer checked against the committed openapi.json: for specs that call the API directly. */
export async function fetchWithContract(url: string | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  await expectResponseMatchesContract(init?.method ?? 'GET', url, response);
  return response;
}
