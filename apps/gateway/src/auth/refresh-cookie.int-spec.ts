import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@dealgate/domain';
import { MediumTest, startMediumTest, fetchWithContract } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';
import { UsersService } from '../identity/users.service';

// Jest applies only the global testTimeout (the integration project's 60 s is not read): booting a service under
// load takes longer than the default 5 s.
jest.setTimeout(60_000);

// The console's session: the refresh token in an HttpOnly cookie next to the body, on the real gateway.
describe('refresh token cookie (medium)', () => {
  let t: MediumTest;
  let app: NestExpressApplication;
  let url: string;
  const password = 'medium-Secret-pass-9';
  const ttlDays = 3;

  const post = async (path: string, init: { body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetchWithContract(`${url}/api/auth/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: JSON.stringify(init.body ?? {}),
    });
    const text = await response.text();
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dealgate_refresh='));
    return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, string> | null, cookie };
  };
  const login = (headers: Record<string, string> = {}) =>
    post('login', { body: { email: 'cora@example.test', password }, headers });
  // What a browser sends back: name=value only.
  const sent = (setCookie: string | undefined) => ({ cookie: setCookie!.split(';')[0] });
  const valueOf = (setCookie: string | undefined) => setCookie!.split(';')[0].slice('dealgate_refresh='.length);

  beforeAll(async () => {
    t = await startMediumTest(gatewayService, {
      env: { REFRESH_TOKEN_TTL_DAYS: String(ttlDays), LOGIN_RATE_LIMIT: '100' },
    });
    ({ app, url } = t);
    await app
      .get(UsersService)
      .create({ email: 'cora@example.test', name: 'Cora', password, roles: [Role.Salesperson] }, null);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('sets the refresh token of a login as an HttpOnly, SameSite=Strict cookie scoped to /api/auth', async () => {
    const answer = await login();
    expect(answer.status).toBe(200);
    expect(valueOf(answer.cookie)).toBe(answer.body!.refreshToken);
    const attributes = answer.cookie!.split(';').map((a) => a.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api/auth', `Max-Age=${ttlDays * 86_400}`]),
    );
    // Plain HTTP without a proxy saying otherwise: a Secure cookie would never come back.
    expect(attributes).not.toContain('Secure');
  });

  it('marks the cookie Secure when a proxy reports HTTPS', async () => {
    const answer = await login({ 'x-forwarded-proto': 'https' });
    expect(answer.cookie!.split(';').map((a) => a.trim())).toContain('Secure');
  });

  it('refreshes with the cookie alone, once: the rotated token comes back as the new cookie', async () => {
    const first = await login();
    const refreshed = await post('refresh', { headers: sent(first.cookie) });
    expect(refreshed.status).toBe(200);
    expect(valueOf(refreshed.cookie)).toBe(refreshed.body!.refreshToken);
    expect(refreshed.body!.refreshToken).not.toBe(first.body!.refreshToken);
    // The old cookie is spent; presenting it again is a replay that ends the whole session family.
    expect((await post('refresh', { headers: sent(first.cookie) })).status).toBe(401);
    expect((await post('refresh', { headers: sent(refreshed.cookie) })).status).toBe(401);
  });

  it('prefers the token in the body over the cookie', async () => {
    const cookieSession = await login();
    const bodySession = await login();
    const answer = await post('refresh', {
      body: { refreshToken: bodySession.body!.refreshToken },
      headers: sent(cookieSession.cookie),
    });
    expect(answer.status).toBe(200);
    // The cookie's token was not used: it still works.
    expect((await post('refresh', { headers: sent(cookieSession.cookie) })).status).toBe(200);
  });

  it('answers 401 when neither the body nor the cookie carries a token', async () => {
    const answer = await post('refresh');
    expect(answer.status).toBe(401);
    expect(answer.body!.code).toBe('identity.invalid_refresh_token');
  });

  it('logs out with the cookie, clears it, and the session is over', async () => {
    const session = await login();
    const out = await post('logout', { headers: sent(session.cookie) });
    expect(out.status).toBe(204);
    expect(out.cookie).toMatch(/^dealgate_refresh=;/);
    expect(out.cookie).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(out.cookie).toMatch(/Path=\/api\/auth/);
    expect((await post('refresh', { body: { refreshToken: session.body!.refreshToken } })).status).toBe(401);
  });
});
