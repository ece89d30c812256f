import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RouteFacts, isOptionalProperty, routeFacts, rulesByProperty, versionConflictCode } from '@dealgate/chassis';
import {
  OPENAPI_FILE,
  TestDatabase,
  canonicalJson,
  createTestDatabase,
  fetchServedDocument,
  testEnv,
} from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';

type Schema = { properties?: Record<string, unknown>; required?: string[]; $ref?: string };
type ErrorSchema = { allOf?: [{ $ref?: string }, { properties?: { code?: { enum?: string[] } } }?] };
interface Operation {
  operationId?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

describe('the committed OpenAPI contract (openapi.json)', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  let served: Record<string, unknown>;
  let routes: Map<string, RouteFacts>;

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url));
    served = await fetchServedDocument(system.gatewayUrl);
    routes = new Map(Object.values(system.apps).flatMap((app) => [...routeFacts(app)]));
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  const schemas = () => (served.components as { schemas: Record<string, Schema> }).schemas;
  const operations = (): [string, Operation][] =>
    Object.entries(served.paths as Record<string, Record<string, Operation>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
    );

  it('is exactly what the running system serves (else: run npm run openapi and commit openapi.json)', () => {
    const committed = readFileSync(OPENAPI_FILE, 'utf8');
    const current = canonicalJson(served);
    if (committed !== current) {
      const before = JSON.parse(committed) as { paths: Record<string, unknown> };
      const after = served.paths as Record<string, unknown>;
      const changed = [...new Set([...Object.keys(before.paths), ...Object.keys(after)])].filter(
        (p) => JSON.stringify(before.paths[p]) !== JSON.stringify(JSON.parse(canonicalJson(after[p] ?? null))),
      );
      throw new Error(
        `openapi.json differs from the document the services serve: run npm run openapi and commit openapi.json.\n` +
          `Paths that differ: ${changed.slice(0, 20).join(', ') || '(components or info only)'}`,
      );
    }
  });

  it('has fresh plugin metadata for every service (else: run npm run openapi)', () => {
    const root = join(__dirname, '../..');
    const run = spawnSync('node', ['tools/openapi/generate-metadata.js', '--check'], { cwd: root, encoding: 'utf8' });
    expect(`${run.stderr}`.trim()).toBe('');
    expect(run.status).toBe(0);
  }, 180_000);

  it('describes every validated property of every request body, required unless @IsOptional()', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [where, op] of operations()) {
      const facts = op.operationId ? routes.get(op.operationId) : undefined;
      if (!facts?.bodyType) continue;
      const ref = op.requestBody?.content?.['application/json']?.schema?.$ref ?? '';
      const schema = schemas()[ref.replace('#/components/schemas/', '')];
      if (!schema) {
        problems.push(`${where}: its body ${facts.bodyType.name} is not documented`);
        continue;
      }
      for (const [property, rules] of rulesByProperty(facts.bodyType)) {
        checked++;
        if (!schema.properties?.[property]) problems.push(`${where}: ${facts.bodyType.name}.${property} is missing`);
        else if (isOptionalProperty(rules) === (schema.required ?? []).includes(property))
          problems.push(`${where}: ${facts.bodyType.name}.${property} has the wrong "required"`);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('declares a version conflict for every operation whose body or query carries `version`', () => {
    const problems: string[] = [];
    for (const [where, op] of operations()) {
      const facts = op.operationId ? routes.get(op.operationId) : undefined;
      const inputs = [facts?.bodyType, ...(facts?.queryTypes ?? [])].filter((t) => t !== undefined);
      if (facts && inputs.some((t) => rulesByProperty(t).has('version')) && !versionConflictCode(facts))
        problems.push(`${where}: takes a version but declares no version conflict (@Refuses(...VersionConflict))`);
    }
    expect(problems).toEqual([]);
  });

  it('describes every validated property of every nested DTO and every query DTO as a parameter', () => {
    const problems: string[] = [];
    for (const [where, op] of operations()) {
      const facts = op.operationId ? routes.get(op.operationId) : undefined;
      for (const query of facts?.queryTypes ?? []) {
        for (const [property, rules] of rulesByProperty(query)) {
          const parameter = op.parameters?.find((p) => p.in === 'query' && p.name === property);
          if (!parameter) problems.push(`${where}: query ${query.name}.${property} is missing`);
          else if (Boolean(parameter.required) === isOptionalProperty(rules))
            problems.push(`${where}: query ${query.name}.${property} has the wrong "required"`);
        }
      }
    }
    // Nested DTOs (items, delivery, companies…) are components under their class name.
    const nested = new Map(
      [...routes.values()].flatMap((f) => (f.bodyType ? [[f.bodyType.name, f.bodyType] as const] : [])),
    );
    for (const [name, schema] of Object.entries(schemas())) {
      const target = nested.get(name);
      if (!target) continue;
      for (const property of rulesByProperty(target).keys())
        if (!schema.properties?.[property]) problems.push(`${name}.${property} is missing`);
    }
    expect(problems).toEqual([]);
  });

  it('describes an answer body for every operation that has one, and errors in the one ErrorBody shape with their codes', () => {
    const problems: string[] = [];
    for (const [where, op] of operations()) {
      const responses = (op as { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> })
        .responses;
      const success = Object.entries(responses ?? {}).filter(([status]) => status.startsWith('2'));
      if (!success.length) problems.push(`${where}: no success answer`);
      for (const [status, answer] of success)
        if (status !== '204' && !Object.values(answer.content ?? {}).some((c) => c.schema))
          problems.push(`${where}: ${status} has no body schema`);
      for (const [status, answer] of Object.entries(responses ?? {})) {
        if (!/^[45]/.test(status)) continue;
        const schema = answer.content?.['application/json']?.schema as ErrorSchema | undefined;
        if (schema?.allOf?.[0]?.$ref !== '#/components/schemas/ErrorBody')
          problems.push(`${where}: ${status} is not an ErrorBody`);
        // Declared with @Refuses (or implied by the route): an error status without its codes is a guess.
        else if (!schema.allOf[1]?.properties?.code?.enum?.length)
          problems.push(`${where}: ${status} does not list its codes (declare them with @Refuses)`);
      }
    }
    expect(problems).toEqual([]);
  });
});
