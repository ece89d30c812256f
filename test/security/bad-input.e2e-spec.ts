import { ALL_ROLES } from '@dealgate/domain';
import { ALL_SERVICES, ServiceName } from '@dealgate/messages';
import {
  TestDatabase,
  createTestDatabase,
  fetchWithContract,
  testEnv,
  tokenFor,
  callApi,
  Answer,
} from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';
import { dtoFields, integerFields } from './support/dto-shape';
import { RouteInfo, fillParams, routeKey, routesOf } from './support/route-catalog';
import { changedTables, rowCounts } from './support/row-counts';

jest.setTimeout(300_000);

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];
const INJECTIONS = [
  "' OR '1'='1'; DROP TABLE app_user; --",
  '<script>alert(1)</script>',
  '{{7*7}} ${7*7}',
  '../../etc/passwd\u0000',
];

interface ErrorAnswer {
  code?: string;
  message?: string;
  fields?: { field: string; problems: string[] }[];
}

const names = (answer: Answer<ErrorAnswer>, field: string) =>
  (answer.body.fields ?? []).some(
    (f) => f.field === field || f.field.startsWith(`${field}.`) || f.field.startsWith(`${field}[`),
  );

/**
 * Every write endpoint of every service, fed malformed JSON, wrong types, unknown and missing fields, oversize
 * bodies, invalid ids and injection-looking strings: each answer is a 4xx naming what is wrong, never a 5xx, and no
 * table of any service gains or loses a row.
 */
describe('bad input on every write endpoint', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const routes: RouteInfo[] = [];
  // Holds every role, so the guard lets each request reach validation.
  const token = tokenFor({ roles: [...ALL_ROLES] });

  beforeAll(async () => {
    db = await createTestDatabase();
    // Rate limits would answer 429 long before this many bad requests; they have their own test (identity).
    system = await startSystem(testEnv(db.url, { API_RATE_LIMIT: '100000', LOGIN_RATE_LIMIT: '100000' }));
    for (const service of ALL_SERVICES)
      routes.push(...routesOf(service, system.apps[service]).filter((r) => WRITE_METHODS.includes(r.method)));
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  const send = (route: RouteInfo, options: { body?: unknown; rawBody?: string; path?: string; query?: string }) =>
    callApi<ErrorAnswer>(
      route.publicPath ? system.gatewayUrl : system.urls[route.service],
      route.method,
      (options.path ?? fillParams(route.publicPath ?? route.path)) + (options.query ? `?${options.query}` : ''),
      {
        token,
        ...options,
      },
    );

  /** Runs the requests of one route, checks each, and checks that no table changed. */
  async function probe(
    route: RouteInfo,
    cases: { label: string; run: () => Promise<Answer<ErrorAnswer>>; check: (a: Answer<ErrorAnswer>) => boolean }[],
  ) {
    const failures: string[] = [];
    const before = await rowCounts(db.url);
    for (const c of cases) {
      const answer = await c.run();
      if (answer.status >= 500 || !c.check(answer))
        failures.push(`${routeKey(route)} ${c.label}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
    }
    const changed = changedTables(before, await rowCounts(db.url));
    if (changed.length) failures.push(`${routeKey(route)} changed ${changed.join(', ')}`);
    return failures;
  }

  it('finds write endpoints in every service that has them', () => {
    expect(routes.filter((r) => r.service === ServiceName.Gateway).length).toBeGreaterThan(8);
  });

  it('refuses malformed JSON (400 naming the body) and oversize bodies (413)', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      failures.push(
        ...(await probe(route, [
          {
            label: 'malformed JSON',
            run: () => send(route, { rawBody: '{"name": "x",' }),
            check: (a) => a.status === 400 && names(a, 'body'),
          },
          {
            label: 'oversize body',
            run: () => send(route, { rawBody: JSON.stringify({ name: 'x'.repeat(300 * 1024) }) }),
            check: (a) => a.status === 413 && a.body.code === 'entity_too_large',
          },
        ])),
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses unknown, missing and wrongly typed fields, naming each', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.body)) {
      const fields = dtoFields(route.body!);
      const required = fields.filter((f) => f.required);
      failures.push(
        ...(await probe(route, [
          {
            label: 'unknown field',
            run: () => send(route, { body: { zzUnknownField: 1 } }),
            check: (a) => a.status === 400 && names(a, 'zzUnknownField'),
          },
          {
            // The keys are dropped before validation (class-transformer); what matters is that nothing is polluted.
            label: 'prototype pollution',
            run: () =>
              send(route, {
                rawBody: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
              }),
            check: (a) => a.status < 500 && (Object.prototype as Record<string, unknown>).polluted === undefined,
          },
          { label: 'array body', run: () => send(route, { body: [] }), check: (a) => a.status === 400 },
          // A required field left out must be named (a nested object without @IsObject/@IsDefined slips through).
          ...required.map((f) => ({
            label: `missing ${f.name}`,
            run: () => send(route, { body: {} }),
            check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, f.name),
          })),
          ...fields.map((f) => ({
            label: `wrong type for ${f.name}`,
            run: () => send(route, { body: { [f.name]: f.wrongValue } }),
            // A @ValidateIf field may be skipped when its condition is unmet; it must still be a clean 4xx.
            check: (a: Answer<ErrorAnswer>) =>
              f.conditional ? a.status >= 400 && a.status < 500 : a.status === 400 && names(a, f.name),
          })),

          ...fields
            .filter((f) => !f.textual && !f.conditional)
            .flatMap((f) =>
              INJECTIONS.map((text) => ({
                label: `injection in ${f.name}`,
                run: () => send(route, { body: { [f.name]: text } }),
                check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, f.name),
              })),
            ),
          // In free-text fields an injection-looking string is just text: the request still fails on the other
          // (missing) fields, and nothing may break or change.
          ...fields
            .filter((f) => f.textual && required.some((r) => r.name !== f.name))
            .map((f) => ({
              label: `injection text in ${f.name}`,
              run: () => send(route, { body: { [f.name]: INJECTIONS[0] } }),
              check: (a: Answer<ErrorAnswer>) => a.status >= 400 && a.status < 500,
            })),
        ])),
      );
    }
    expect(failures).toEqual([]);
  });

  it('answers a garbage value in any other path parameter (codes, DTO-validated ids) with a 4xx, never a 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0 && r.uuidParams.length === 0)) {
      const target = route.publicPath ?? route.path;
      failures.push(
        ...(await probe(route, [
          {
            label: 'garbage params',
            run: () =>
              send(route, { path: target.replace(/:[A-Za-z0-9_]+/g, encodeURIComponent("x' OR '1'='1")), body: {} }),
            check: (a) => a.status >= 400 && a.status < 500,
          },
        ])),
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses ids that are not UUIDs, naming the parameter', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.uuidParams.length)) {
      const target = route.publicPath ?? route.path;
      failures.push(
        ...(await probe(
          route,
          ['not-a-uuid', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g'].map((bad) => ({
            label: `id ${bad}`,
            // With a bad body too: the id is still what the answer names (UuidParamsInterceptor runs before the pipes).
            run: () =>
              send(route, {
                path: target
                  .replace(`:${route.uuidParams[0]}`, encodeURIComponent(bad))
                  .replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-00000000abcd'),
                body: {},
              }),
            check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, route.uuidParams[0]),
          })),
        )),
      );
    }
    expect(failures).toEqual([]);
  });

  // Issue #16: each of these answered 500 (PostgreSQL refuses a NUL; deep JSON blew the stack; a huge offset overflowed).
  const NUL_TEXT = 'Acme\u0000 Ltd';
  const TOO_LARGE = '99999999999999999999';

  it('refuses a NUL or another control character in every field, naming it (400)', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.body)) {
      const fields = dtoFields(route.body!).filter((f) => !f.conditional);
      failures.push(
        ...(await probe(
          route,
          fields.flatMap((f) =>
            [NUL_TEXT, 'bell\u0007'].map((text) => ({
              label: `control character in ${f.name}`,
              run: () => send(route, { body: { [f.name]: text } }),
              check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, f.name),
            })),
          ),
        )),
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses JSON nested 20,000 levels deep and numbers past 2^53, naming the input (400)', async () => {
    const failures: string[] = [];
    const deep = `{"name":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
    for (const route of routes.filter((r) => r.body)) {
      const fields = dtoFields(route.body!).filter((f) => !f.conditional);
      failures.push(
        ...(await probe(route, [
          {
            label: 'JSON 20,000 levels deep',
            run: () => send(route, { rawBody: deep }),
            check: (a) => a.status === 400 && names(a, 'body'),
          },
          ...fields.map((f) => ({
            label: `${TOO_LARGE} in ${f.name}`,
            run: () => send(route, { rawBody: `{"${f.name}": ${TOO_LARGE}}` }),
            check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, f.name),
          })),
        ])),
      );
    }
    expect(failures).toEqual([]);
  });

  // Issue #16: an `expectedVersion`/`version` of 2147483648 passed @IsInt and reached PostgreSQL's int4 (a 500).
  // Amounts are the reviewed exception: stored in JSON and summed into a bigint, bounded by the 2^53 case above.
  const INT4_OVERFLOW = [2_147_483_648, -2_147_483_649];
  const AMOUNT_FIELDS = new Set(['unitPriceMinor']);

  it('refuses an integer past PostgreSQL integer range in every integer field, nested ones too, naming it (400)', async () => {
    const failures: string[] = [];
    const checked = new Set<string>();
    for (const route of routes.filter((r) => r.body)) {
      const fields = integerFields(route.body!).filter((f) => !AMOUNT_FIELDS.has(f.path.split('.').pop()!));
      fields.forEach((f) => checked.add(f.path));
      failures.push(
        ...(await probe(
          route,
          fields.flatMap((f) =>
            INT4_OVERFLOW.map((value) => ({
              label: `${value} in ${f.path}`,
              run: () => send(route, { body: f.bodyWith(value) }),
              // A @ValidateIf field may be skipped when its condition is unmet; it must still be a clean 4xx.
              check: (a: Answer<ErrorAnswer>) =>
                f.conditional ? a.status >= 400 && a.status < 500 : a.status === 400 && names(a, f.path),
            })),
          ),
        )),
      );
    }
    // The optimistic-concurrency versions, nested terms and days are among them.
    expect([...checked]).toEqual(
      expect.arrayContaining(['version', 'revision', 'stepIndex', 'terms.paymentDays', 'terms.delivery.days']),
    );
    expect(failures).toEqual([]);
  });

  it('every list refuses an out-of-range offset or limit, and every query a NUL or a bad value, naming it (400)', async () => {
    const reads = ALL_SERVICES.flatMap((service) =>
      routesOf(service, system.apps[service]).filter((r) => r.method === 'GET' && r.query && !r.isPublic),
    );
    const lists = reads.filter((r) => dtoFields(r.query!).some((f) => f.name === 'offset'));
    // The lists of every service that pages (users, samples, prospects, approvals, tasks, notifications...).
    expect(new Set(lists.map((r) => r.service)).size).toBe(ALL_SERVICES.length);
    const failures: string[] = [];
    for (const route of reads) {
      const fields = dtoFields(route.query!).filter((f) => !f.conditional && (f.textual || f.numeric));
      failures.push(
        ...(await probe(route, [
          ...fields.map((f) => ({
            label: f.textual ? `NUL in ?${f.name}` : `?${f.name}=${TOO_LARGE}`,
            run: () => send(route, { query: `${f.name}=${encodeURIComponent(f.textual ? NUL_TEXT : TOO_LARGE)}` }),
            check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, f.name),
          })),
          ...fields
            .filter((f) => f.numeric)
            .map((f) => ({
              label: `?${f.name}=${INT4_OVERFLOW[0]}`,
              run: () => send(route, { query: `${f.name}=${INT4_OVERFLOW[0]}` }),
              check: (a: Answer<ErrorAnswer>) => a.status === 400 && names(a, f.name),
            })),
        ])),
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses a CSV upload with a NUL in a row, naming the file and the line (400)', async () => {
    const form = new FormData();
    form.append('file', new Blob([`name,tax_id\nGood Ltd,1\n${NUL_TEXT},2\n`], { type: 'text/csv' }), 'companies.csv');
    const before = await rowCounts(db.url);
    const answer = await fetchWithContract(
      `${system.gatewayUrl}/api/samples/00000000-0000-4000-8000-00000000abcd/companies/csv`,
      { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form },
    );
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({
      fields: [{ field: 'file', problems: [expect.stringMatching(/^line 3 /)] }],
    });
    expect(changedTables(before, await rowCounts(db.url))).toEqual([]);
  });
});
