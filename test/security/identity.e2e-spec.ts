import { Role } from '@dealgate/domain';
import { openPersonalData } from '@dealgate/messages';
import {
  TEST_PII_KEY,
  TestDatabase,
  createTestDatabase,
  queryOnce,
  testEnv,
  waitFor,
  callApi,
} from '@dealgate/testing';
import { RunningSystem, startSystem } from '../support/system-harness';
import { ADMIN_EMAIL, ADMIN_PASSWORD, USER_PASSWORD, createUnit, createUser, login } from './support/identity-fixtures';

// Identity through the real gateway with all five services: login, sessions, API keys, admin API, directory events.
jest.setTimeout(120_000);

describe('identity and sessions', () => {
  let db: TestDatabase;
  let system: RunningSystem;
  let url: string;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    system = await startSystem(
      testEnv(db.url, { ADMIN_EMAIL, ADMIN_PASSWORD, CONSOLE_ORIGIN: 'https://console.example.test' }),
    );
    url = system.gatewayUrl;
    admin = (await login(url, ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
  });

  afterAll(async () => {
    await system?.stop();
    await db?.drop();
  });

  const audit = async (event: string, subject?: string) =>
    queryOnce<{ actor_user_id: string | null; subject: string; details: Record<string, unknown> }>(
      db.url,
      'SELECT actor_user_id, subject, details FROM gateway.audit_log WHERE event = $1 AND ($2::text IS NULL OR subject = $2) ORDER BY id',
      [event, subject ?? null],
    );

  it('creates the first admin from the environment, hashed with argon2', async () => {
    const me = await callApi(url, 'GET', '/api/auth/me', { token: admin });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: ADMIN_EMAIL, roles: [Role.Admin], active: true });
    expect(me.body).not.toHaveProperty('passwordHash');
    const [row] = await queryOnce<{ password_hash: string }>(
      db.url,
      'SELECT password_hash FROM gateway.app_user WHERE email = $1',
      [ADMIN_EMAIL],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('publishes users and units to every other service, contact sealed', async () => {
    const head = await createUser(url, admin, { roles: [Role.SalesHead] });
    const unit = await createUnit(url, admin, 'North', head.id);
    const lawyer = await createUser(url, admin, {
      roles: [Role.Legal],
      groups: ['legal', 'delivery'],
      leadOf: ['legal'],
    });
    for (const schema of ['prospects', 'approvals', 'contracts', 'notifications']) {
      await waitFor(
        async () =>
          (
            await queryOnce(
              db.url,
              `SELECT 1 FROM "${schema}".directory_unit WHERE unit_id = $1 AND head_user_id = $2`,
              [unit.id, head.id],
            )
          ).length === 1,
        { what: `unit in ${schema}` },
      );
      const rows = await waitFor(
        async () => {
          const found = await queryOnce<{ groups: string[]; lead_of: string[]; sealed_contact: string }>(
            db.url,
            `SELECT groups, lead_of, sealed_contact FROM "${schema}".directory_user WHERE user_id = $1`,
            [lawyer.id],
          );
          return found.length ? found : null;
        },
        { what: `user in ${schema}` },
      );
      expect(rows[0]).toMatchObject({ groups: ['legal', 'delivery'], lead_of: ['legal'] });
      expect(rows[0].sealed_contact).not.toContain(lawyer.email);
      expect(openPersonalData<{ email: string }>(rows[0].sealed_contact, TEST_PII_KEY).email).toBe(lawyer.email);
      // The head joined the unit they head, so their token and every service's copy scope them to it.
      await waitFor(
        async () =>
          (
            await queryOnce(db.url, `SELECT 1 FROM "${schema}".directory_user WHERE user_id = $1 AND unit_id = $2`, [
              head.id,
              unit.id,
            ])
          ).length === 1,
        { what: `head's unit in ${schema}` },
      );
    }
    const headLogin = await login(url, head.email, USER_PASSWORD);
    const me = await callApi(url, 'GET', '/api/auth/me', { token: headLogin.accessToken });
    expect(me.body).toMatchObject({ unitId: unit.id });
  });

  it('rotates refresh tokens; a reused one revokes the whole family', async () => {
    const user = await createUser(url, admin, { roles: [Role.Salesperson] });
    const first = await login(url, user.email, USER_PASSWORD);
    const second = await callApi<{ refreshToken: string; accessToken: string }>(url, 'POST', '/api/auth/refresh', {
      body: { refreshToken: first.refreshToken },
    });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    // The first token is replayed (stolen copy): refused, and the legitimate newer one dies with it.
    const replay = await callApi(url, 'POST', '/api/auth/refresh', { body: { refreshToken: first.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'identity.refresh_token_reused' });
    expect(
      (await callApi(url, 'POST', '/api/auth/refresh', { body: { refreshToken: second.body.refreshToken } })).status,
    ).toBe(401);
    expect(await audit('refresh.reuse_detected')).toHaveLength(1);
    // Another login (another family) is unaffected.
    const other = await login(url, user.email, USER_PASSWORD);
    expect(
      (await callApi(url, 'POST', '/api/auth/refresh', { body: { refreshToken: other.refreshToken } })).status,
    ).toBe(200);
  });

  it('logout ends the session; password change ends every session', async () => {
    const user = await createUser(url, admin, { roles: [Role.Accounting] });
    const a = await login(url, user.email, USER_PASSWORD);
    expect((await callApi(url, 'POST', '/api/auth/logout', { body: { refreshToken: a.refreshToken } })).status).toBe(
      204,
    );
    expect((await callApi(url, 'POST', '/api/auth/refresh', { body: { refreshToken: a.refreshToken } })).status).toBe(
      401,
    );

    const b = await login(url, user.email, USER_PASSWORD);
    const c = await login(url, user.email, USER_PASSWORD);
    const weak = await callApi(url, 'POST', '/api/auth/password', {
      token: b.accessToken,
      body: { currentPassword: USER_PASSWORD, newPassword: 'short' },
    });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({ fields: [{ field: 'newPassword' }] });
    const wrong = await callApi(url, 'POST', '/api/auth/password', {
      token: b.accessToken,
      body: { currentPassword: 'not-the-password', newPassword: 'a-new-Secret-pass-1' },
    });
    expect(wrong.status).toBe(401);
    const changed = await callApi(url, 'POST', '/api/auth/password', {
      token: b.accessToken,
      body: { currentPassword: USER_PASSWORD, newPassword: 'a-new-Secret-pass-1' },
    });
    expect(changed.status).toBe(204);
    for (const session of [b, c])
      expect(
        (await callApi(url, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
      ).toBe(401);
    expect(
      (await callApi(url, 'POST', '/api/auth/login', { body: { email: user.email, password: USER_PASSWORD } })).status,
    ).toBe(401);
    await login(url, user.email, 'a-new-Secret-pass-1');
  });

  it('API keys: shown once, stored hashed, scoped, forwarded to the services as a token, audited, revocable', async () => {
    const user = await createUser(url, admin, { roles: [Role.Salesperson, Role.Legal] });
    const token = (await login(url, user.email, USER_PASSWORD)).accessToken;
    const tooWide = await callApi(url, 'POST', '/api/auth/api-keys', {
      token,
      body: { name: 'x', roles: [Role.Admin] },
    });
    expect(tooWide.status).toBe(422);
    const created = await callApi<{ id: string; key: string; roles: Role[] }>(url, 'POST', '/api/auth/api-keys', {
      token,
      body: { name: 'CRM sync', roles: [Role.Legal] },
    });
    expect(created.status).toBe(201);
    const { id, key } = created.body;
    const [stored] = await queryOnce<{ secret_hash: string }>(
      db.url,
      'SELECT secret_hash FROM gateway.api_key WHERE id = $1',
      [id],
    );
    expect(stored.secret_hash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(key.slice('dg_0123456789abcdef_'.length));
    const listed = await callApi<{ items: Record<string, unknown>[] }>(url, 'GET', '/api/auth/api-keys', { token });
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('key');

    // On the gateway's own routes the key acts with its scope only.
    const me = await callApi(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': key } });
    expect(me.status).toBe(200);
    // Through the proxy: the backend verifies the minted token and sees the key's roles (legal, not admin).
    expect(
      (await callApi(url, 'GET', '/api/ops/prospects/dead-letters', { headers: { 'x-api-key': key } })).status,
    ).toBe(403);
    const adminKey = await callApi<{ key: string }>(url, 'POST', '/api/auth/api-keys', {
      token: admin,
      body: { name: 'ops', roles: [Role.Admin] },
    });
    expect(
      (await callApi(url, 'GET', '/api/ops/prospects/dead-letters', { headers: { 'x-api-key': adminKey.body.key } }))
        .status,
    ).toBe(200);
    expect((await audit('api_key.used', id)).length).toBeGreaterThanOrEqual(2);

    expect(
      (await callApi(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': `${key.slice(0, -1)}x` } })).status,
    ).toBe(401);
    expect((await callApi(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': 'dg_nonsense' } })).status).toBe(401);
    // Someone else's key: as if it did not exist.
    const stranger = await createUser(url, admin, { roles: [Role.Legal] });
    const strangerToken = (await login(url, stranger.email, USER_PASSWORD)).accessToken;
    expect((await callApi(url, 'DELETE', `/api/auth/api-keys/${id}`, { token: strangerToken })).status).toBe(404);
    expect((await callApi(url, 'DELETE', `/api/auth/api-keys/${id}`, { token })).status).toBe(204);
    expect((await callApi(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': key } })).status).toBe(401);
  });

  it('deactivating a user ends their sessions and keys, and the other services learn it', async () => {
    const user = await createUser(url, admin, { roles: [Role.Salesperson] });
    const session = await login(url, user.email, USER_PASSWORD);
    const key = await callApi<{ key: string }>(url, 'POST', '/api/auth/api-keys', {
      token: session.accessToken,
      body: { name: 'k', roles: [Role.Salesperson] },
    });
    // One of the gateway's own routes and one forwarded to a service.
    const paths = ['/api/auth/me', '/api/notifications'];
    for (const path of paths)
      expect((await callApi(url, 'GET', path, { token: session.accessToken })).status).toBe(200);
    const deactivated = await callApi(url, 'POST', `/api/users/${user.id}/deactivate`, { token: admin });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body).toMatchObject({ active: false });
    expect(
      (await callApi(url, 'POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
    expect((await callApi(url, 'GET', '/api/auth/me', { headers: { 'x-api-key': key.body.key } })).status).toBe(401);
    // The access token has not expired, yet the gateway refuses it at once, before routing anywhere.
    for (const path of paths) {
      const refused = await callApi(url, 'GET', path, { token: session.accessToken });
      expect(refused.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    }
    expect(
      (await callApi(url, 'POST', '/api/auth/login', { body: { email: user.email, password: USER_PASSWORD } })).status,
    ).toBe(401);
    await waitFor(
      async () =>
        (await queryOnce(db.url, 'SELECT 1 FROM contracts.directory_user WHERE user_id = $1 AND NOT active', [user.id]))
          .length === 1,
      { what: 'deactivation in the contracts directory' },
    );
    // Issue #16: reached directly, a service refuses the token too, once its directory copy knows (seconds).
    for (const service of ['prospects', 'approvals', 'contracts', 'notifications'] as const) {
      await waitFor(
        async () =>
          (
            await queryOnce(db.url, `SELECT 1 FROM ${service}.directory_user WHERE user_id = $1 AND NOT active`, [
              user.id,
            ])
          ).length === 1,
        { what: `deactivation in the ${service} directory` },
      );
    }
    const direct = await callApi(system.urls.prospects, 'POST', '/api/samples', {
      token: session.accessToken,
      body: { productLineId: '00000000-0000-4000-8000-00000000abcd', name: 'After deactivation' },
    });
    expect(direct.status).toBe(401);
    expect(
      (await callApi(system.urls.notifications, 'GET', '/api/notifications', { token: session.accessToken })).status,
    ).toBe(401);
    expect(await audit('user.deactivated', user.id)).toHaveLength(1);
  });

  it('audits role changes and keeps the last admin', async () => {
    const user = await createUser(url, admin, { roles: [Role.Salesperson] });
    const changed = await callApi(url, 'PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { version: user.version, roles: [Role.SalesHead] },
    });
    expect(changed.status).toBe(200);
    const stale = await callApi(url, 'PATCH', `/api/users/${user.id}`, {
      token: admin,
      body: { version: user.version, name: 'Late' },
    });
    expect(stale.status).toBe(409);
    const [entry] = await audit('roles.changed', user.id).then((rows) => rows.slice(-1));
    expect(entry.details).toEqual({ added: [Role.SalesHead], removed: [Role.Salesperson] });
    const [adminRow] = await queryOnce<{ id: string }>(db.url, 'SELECT id FROM gateway.app_user WHERE email = $1', [
      ADMIN_EMAIL,
    ]);
    const last = await callApi(url, 'POST', `/api/users/${adminRow.id}/deactivate`, { token: admin });
    expect(last.status).toBe(422);
    expect(last.body).toMatchObject({ code: 'identity.last_admin' });
    const log = await callApi<{ items: { event: string }[]; total: number }>(
      url,
      'GET',
      '/api/auth/audit?event=roles.changed&limit=5',
      { token: admin },
    );
    expect(log.status).toBe(200);
    expect(log.body.items.every((e) => e.event === 'roles.changed')).toBe(true);
  });

  // Issue #16: an admin gave themselves the owner role, refreshed, and approved a target sample.
  it('admin separation: nobody changes their own roles, an admin holds no business role, each change audited', async () => {
    const [self] = await queryOnce<{ id: string; version: number }>(
      db.url,
      'SELECT id, version FROM gateway.app_user WHERE email = $1',
      [ADMIN_EMAIL],
    );
    const own = await callApi(url, 'PATCH', `/api/users/${self.id}`, {
      token: admin,
      body: { version: self.version, roles: [Role.Admin, Role.Owner] },
    });
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'identity.own_roles', fields: [{ field: 'roles' }] });
    const mixed = await callApi(url, 'POST', '/api/users', {
      token: admin,
      body: {
        email: 'mixed@example.test',
        name: 'Mixed Roles',
        password: USER_PASSWORD,
        roles: [Role.Admin, Role.Owner],
      },
    });
    expect(mixed.status).toBe(422);
    expect(mixed.body).toMatchObject({ code: 'identity.admin_with_business_role' });
    const other = await createUser(url, admin, { roles: [Role.Owner] });
    const raised = await callApi(url, 'PATCH', `/api/users/${other.id}`, {
      token: admin,
      body: { version: other.version, roles: [Role.Owner, Role.Admin] },
    });
    expect(raised.status).toBe(422);
    // Another admin may make someone an admin (only an admin), and it is in the audit log with who did it.
    const promoted = await callApi(url, 'PATCH', `/api/users/${other.id}`, {
      token: admin,
      body: { version: other.version, roles: [Role.Admin] },
    });
    expect(promoted.status).toBe(200);
    const [entry] = await audit('roles.changed', other.id).then((rows) => rows.slice(-1));
    expect(entry).toMatchObject({ actor_user_id: self.id, details: { added: [Role.Admin], removed: [Role.Owner] } });
    expect(await queryOnce(db.url, 'SELECT 1 FROM gateway.app_user WHERE email = $1', ['mixed@example.test'])).toEqual(
      [],
    );
  });

  // Issue #16: `qwertyuiop12` was accepted (12 characters, not on the short list).
  it('refuses a password that is easy to guess (zxcvbn common-password lists and patterns), naming the field', async () => {
    const weak = await callApi(url, 'POST', '/api/users', {
      token: admin,
      body: { email: 'weak@example.test', name: 'Weak Password', password: 'qwertyuiop12', roles: [Role.Legal] },
    });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({ code: 'identity.weak_password', fields: [{ field: 'password' }] });
  });

  it('limits login attempts per address and e-mail, and audits failures', async () => {
    const email = 'nobody-here@example.test';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await callApi(url, 'POST', '/api/auth/login', { body: { email, password: `guess-${i}` } })).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(await audit('login.failed', email)).toHaveLength(5);
    // Another e-mail from the same address is its own budget.
    expect(
      (await callApi(url, 'POST', '/api/auth/login', { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } }))
        .status,
    ).toBe(200);
  });

  it('answers CORS only for the console origin, with security headers', async () => {
    const preflight = (origin: string) =>
      fetch(`${url}/api/auth/login`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
    const allowed = await preflight('https://console.example.test');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example.test');
    const foreign = await preflight('https://evil.example.test');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const any = await fetch(`${url}/api/health`);
    expect(any.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
