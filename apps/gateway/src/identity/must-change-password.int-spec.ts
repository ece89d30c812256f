/* eslint-disable @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startService } from '@dealgate/chassis';
import { TestDatabase, createTestDatabase, testEnv, fetchWithContract } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';

// A password someone else chose must be replaced: the generated first admin's, and one an admin set for a user.
describe('must change password (medium)', () => {
  let db: TestDatabase;
  let url: string;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'dealgate-must-change-'));
  const file = join(dir, 'first-admin.json');

  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const response = await fetchWithContract(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const login = async (email: string, password: string): Promise<string> => {
    const answer = await call('POST', '/api/auth/login', null, { email, password });
    expect(answer.status).toBe(200);
    return answer.body.accessToken as string;
  };
  const me = async (token: string) => (await call('GET', '/api/auth/me', token)).body;
  const CHOSEN = 'Harbour-Violet-6613';

  /**
   * The generated first admin, signed in with a password of their own. The first test makes that change itself; a test
   * run alone finds the generated password still in place and makes it here.
   */
  async function anAdminWithTheirOwnPassword(): Promise<string> {
    const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
    const chosen = await call('POST', '/api/auth/login', null, { email, password: CHOSEN });
    if (chosen.status === 200) return chosen.body.accessToken as string;
    const generated = await login(email, password);
    const changed = await call('POST', '/api/auth/password', generated, {
      currentPassword: password,
      newPassword: CHOSEN,
    });
    if (changed.status >= 300) throw new Error(`changing the first admin's password answered ${changed.status}`);
    return login(email, CHOSEN);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const started = await startService(
      gatewayService,
      testEnv(db.url, { ADMIN_PASSWORD_FILE: file, LOGIN_RATE_LIMIT: '100' }),
    );
    url = started.url;
    close = () => started.app.close();
  });

  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  it('flags the generated first admin until they change their password themselves', async () => {
    const { email, password } = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string };
    const first = await login(email, password);
    expect(await me(first)).toMatchObject({ email, mustChangePassword: true });

    const changed = await call('POST', '/api/auth/password', first, {
      currentPassword: password,
      newPassword: 'Harbour-Violet-6613',
    });
    expect(changed.status).toBeLessThan(300);
    const again = await login(email, 'Harbour-Violet-6613');
    expect(await me(again)).toMatchObject({ mustChangePassword: false });
  });

  it('flags a user whose password an admin set, in GET /api/users/{id} too, and clears it on their own change', async () => {
    const admin = await anAdminWithTheirOwnPassword();
    const created = await call('POST', '/api/users', admin, {
      email: 'lena.legal@example.test',
      name: 'Lena Legal',
      password: 'Orchard-Pebble-2290',
      roles: ['legal'],
    });
    expect(created.status).toBe(201);
    // An admin creating someone with a password is the ordinary way in; the flag comes with a reset.
    expect(created.body.mustChangePassword).toBe(false);

    const reset = await call('POST', `/api/users/${created.body.id}/password`, admin, {
      password: 'Lantern-Thistle-8841',
    });
    expect(reset.status).toBeLessThan(300);
    expect((await call('GET', `/api/users/${created.body.id}`, admin)).body.mustChangePassword).toBe(true);
    const lena = await login('lena.legal@example.test', 'Lantern-Thistle-8841');
    expect(await me(lena)).toMatchObject({ mustChangePassword: true });

    await call('POST', '/api/auth/password', lena, {
      currentPassword: 'Lantern-Thistle-8841',
      newPassword: 'Meadow-Quartz-5127',
    });
    const after = await login('lena.legal@example.test', 'Meadow-Quartz-5127');
    expect(await me(after)).toMatchObject({ mustChangePassword: false });
  });
});
