import { randomUUID } from 'node:crypto';
import { ALL_ROLES, Role } from '@dealgate/domain';
import { ALL_SERVICES, ServiceName } from '@dealgate/messages';
import { TestDatabase, createTestDatabase, testEnv, tokenFor, callApi } from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';
import { ADMIN_EMAIL, ADMIN_PASSWORD, USER_PASSWORD, createUser, login } from './support/identity-fixtures';
import { OBJECT_CASES, ObjectCaseContext } from './support/object-cases';
import { RouteInfo, fillParams, routeKey, routesOf } from './support/route-catalog';

jest.setTimeout(180_000);

/**
 * Routes with a path parameter that name no one's object: settings shared by the whole business (product lines,
 * approval policies, lost reasons, analytics norms and rules); their role rules are the matrix's first test.
 * Reviewed: a new entry needs the same review as a public route.
 */
const SHARED_SETTINGS = new Set([
  'GET /api/product-lines/:id',
  'PUT /api/product-lines/:id',
  'GET /api/approvals/policies/:subjectKind',
  'PUT /api/prospects/lost-reasons/:code',
  'PUT /api/analytics/settings/norms/:norm',
  'PUT /api/analytics/settings/early-warning-rules/:id',
]);

/**
 * Every role x every guarded endpoint, generated from the @Roles metadata of the running services (so new endpoints
 * join the matrix by themselves), plus own / foreign object cases as data (support/object-cases.ts).
 */
describe('authorization matrix', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  const routes: RouteInfo[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(testEnv(db.url, { API_RATE_LIMIT: '100000', ADMIN_EMAIL, ADMIN_PASSWORD }));
    for (const service of ALL_SERVICES)
      routes.push(...routesOf(service, system.apps[service]).filter((r) => !r.isPublic && r.roles?.length));
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  it('every role on every endpoint: 403 unless @Roles names it; named roles pass the guard (no 401/403/5xx)', async () => {
    const failures: string[] = [];
    const cells: string[] = [];
    for (const route of routes) {
      for (const role of [...ALL_ROLES, null]) {
        // A fresh made-up user: holds the role, owns nothing, belongs to no unit or group.
        const token = tokenFor({ userId: randomUUID(), roles: role ? [role] : [] });
        const base = route.publicPath ? system.gatewayUrl : system.urls[route.service];
        const answer = await callApi(base, route.method, fillParams(route.publicPath ?? route.path), {
          token,
          body: {},
        });
        const allowed = role !== null && route.roles!.includes(role);
        const ok = allowed ? ![401, 403].includes(answer.status) && answer.status < 500 : answer.status === 403;
        cells.push(`${routeKey(route)} ${role ?? 'none'} ${answer.status}`);
        if (!ok)
          failures.push(
            `${route.service} ${routeKey(route)} as ${role ?? 'no role'}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 160)}`,
          );
      }
    }
    expect(cells.length).toBe(routes.length * (ALL_ROLES.length + 1));
    expect(failures).toEqual([]);
  });

  it('admin-only identity endpoints refuse every business role', () => {
    const adminOnly = routes.filter(
      (r) => r.service === ServiceName.Gateway && /^\/api\/(users|auth\/audit|system|ops)/.test(r.path),
    );
    expect(adminOnly.length).toBeGreaterThan(5);
    for (const route of adminOnly)
      expect({ route: routeKey(route), roles: route.roles }).toEqual({ route: routeKey(route), roles: [Role.Admin] });
  });

  describe('own / foreign objects', () => {
    let context: ObjectCaseContext;

    beforeAll(async () => {
      const admin = (await login(system.gatewayUrl, ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
      context = {
        url: system.gatewayUrl,
        admin,
        dbUrl: db.url,
        apps: system.apps,
        userWith: async (roles: Role[], extra = {}) => {
          const user = await createUser(system.gatewayUrl, admin, { roles, ...extra });
          return { ...user, token: (await login(system.gatewayUrl, user.email, USER_PASSWORD)).accessToken };
        },
      };
    });

    it.each(OBJECT_CASES.map((c) => [c.name, c] as const))('%s', async (_name, objectCase) => {
      for (const step of await objectCase.run(context)) {
        const answer = await callApi(context.url, step.method, step.path, {
          token: step.token,
          body: step.body,
          rawBody: step.rawBody,
          headers: step.headers,
        });
        expect({ step: step.label, status: answer.status }).toEqual({ step: step.label, status: step.expect });
        if (step.check)
          expect({ step: step.label, body: step.check(answer.body) }).toEqual({ step: step.label, body: true });
      }
    });

    it('covers every object-level route of every service', () => {
      const objectRoutes = routes.filter((r) => r.params.length > 0 && !r.roles!.every((role) => role === Role.Admin));
      const covered = new Set(OBJECT_CASES.flatMap((c) => [c.route, ...(c.alsoCovers ?? [])]));
      const missing = objectRoutes.map(routeKey).filter((key) => !covered.has(key) && !SHARED_SETTINGS.has(key));
      expect(missing).toEqual([]);
      // The reviewed list only names routes that exist.
      expect([...SHARED_SETTINGS].filter((key) => !objectRoutes.some((r) => routeKey(r) === key))).toEqual([]);
    });
  });
});
