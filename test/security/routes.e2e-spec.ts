import { JwtService } from '@nestjs/jwt';
import { AccessTokenService } from '@dealgate/auth';
import { ALL_ROLES } from '@dealgate/domain';
import { ALL_SERVICES, ServiceName } from '@dealgate/messages';
import { TEST_METRICS_TOKEN, TestDatabase, createTestDatabase, testEnv, callApi } from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';
import { RouteInfo, expressRoutesOf, fillParams, routeKey, routesOf } from './support/route-catalog';

/**
 * The reviewed list of routes that answer without a token. Adding one here is a security decision: say why.
 * Everything else must carry a valid access token and declare @Roles.
 */
const PUBLIC_ROUTES: Record<string, string> = {
  'GET /health': 'liveness of one service for orchestrators; shows no data',
  'GET /metrics': 'Prometheus scrape; counters only (services listen on loopback, not exposed by the gateway)',
  'gateway POST /api/auth/login': 'takes the credentials; rate-limited per address and e-mail',
  'gateway POST /api/auth/refresh': 'the refresh token is the credential',
  'gateway POST /api/auth/logout': 'the refresh token is the credential',
};

/** Express routes mounted outside Nest (so outside the guard): documentation and aggregated health only. */
const EXPRESS_ONLY_ROUTES: Record<string, string> = {
  'GET /api/docs': 'Swagger UI',
  'GET /api/docs/': 'Swagger UI',
  'GET /api/docs/swagger-ui-init.js': 'Swagger UI',
  'GET /api/docs/docs/swagger-ui-init.js': 'Swagger UI',
  'GET /api/docs/index.html': 'Swagger UI',
  'GET /api/docs/LICENSE': 'Swagger UI',
  'GET /api/docs-json': 'the OpenAPI document (the gateway serves the merged one here)',
  'GET /api/docs-yaml': 'the OpenAPI document',
  'gateway GET /api/docs/gateway-json': "the gateway's own part of the OpenAPI document",
  'gateway GET /api/docs/gateway-yaml': "the gateway's own part of the OpenAPI document",
  'gateway GET /api/health': 'up/down of the five services',
};

const listed = (list: Record<string, string>, service: ServiceName, key: string) =>
  key in list || `${service} ${key}` in list;

jest.setTimeout(120_000);

describe('route enumeration: every route of every service is guarded except the reviewed public list', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const routes: RouteInfo[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { API_RATE_LIMIT: '100000' }));
    for (const service of ALL_SERVICES) routes.push(...routesOf(service, system.apps[service]));
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('finds the routes of all five services, and Express serves nothing the catalog misses', () => {
    for (const service of ALL_SERVICES) {
      const own = routes.filter((r) => r.service === service).map(routeKey);
      expect(own.length).toBeGreaterThan(2);
      const served = expressRoutesOf(system.apps[service]);
      expect(served).toEqual(expect.arrayContaining(own));
      const outside = [...new Set(served.filter((key) => !own.includes(key) && !key.startsWith('HEAD ')))];
      expect({ service, unreviewed: outside.filter((key) => !listed(EXPRESS_ONLY_ROUTES, service, key)) }).toEqual({
        service,
        unreviewed: [],
      });
    }
  });

  it('marks exactly the reviewed routes @Public', () => {
    const open = routes.filter((r) => r.isPublic).map((r) => `${r.service} ${routeKey(r)}`);
    expect(
      open.filter((key) => !listed(PUBLIC_ROUTES, key.split(' ')[0] as ServiceName, key.split(' ').slice(1).join(' '))),
    ).toEqual([]);
  });

  it('declares @Roles on every guarded route', () => {
    const undeclared = routes
      .filter((r) => !r.isPublic && !(r.roles && r.roles.length > 0))
      .map((r) => `${r.service} ${routeKey(r)} (${r.handler})`);
    expect(undeclared).toEqual([]);
    for (const r of routes) for (const role of r.roles ?? []) expect(ALL_ROLES).toContain(role);
  });

  it('answers 401 on every guarded route without a token or with a forged one, on the service itself and through the gateway', async () => {
    const forged = new AccessTokenService(new JwtService({ secret: 'not-the-secret-0123456789abcdef0123456789' })).sign(
      {
        userId: '00000000-0000-4000-8000-000000000001',
        roles: [...ALL_ROLES],
        unitId: null,
      },
    );
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const targets: [string, string][] = [[system.urls[route.service], fillParams(route.path)]];
      if (route.publicPath) targets.push([system.gatewayUrl, fillParams(route.publicPath)]);
      for (const [base, path] of targets) {
        for (const token of [undefined, forged]) {
          const answer = await callApi(base, route.method, path, { token, body: {} });
          if (answer.status !== 401 || (answer.body as { code?: string }).code !== 'unauthenticated') {
            failures.push(
              `${route.method} ${base === system.gatewayUrl ? 'gateway' : route.service}${path} ${token ? 'forged' : 'none'} -> ${answer.status}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers the reviewed public routes without a token', async () => {
    for (const route of routes.filter((r) => r.isPublic && r.method === 'GET')) {
      // The gateway's /metrics wants the scrape token as a bearer (#16; without it: public-exposure.int-spec.ts).
      const token = route.path === '/metrics' ? TEST_METRICS_TOKEN : undefined;
      expect((await callApi(system.urls[route.service], 'GET', route.path, { token })).status).toBe(200);
    }
    expect(
      (await callApi(system.gatewayUrl, 'POST', '/api/auth/refresh', { body: { refreshToken: 'nope' } })).status,
    ).toBe(401);
  });
});
