import { Role } from '@dealgate/domain';
import { MediumTest, startMediumTest, tokenFor, fetchWithContract } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';

// The gateway alone: forwarded requests are limited before the proxy (the backends here are down: 502 until then).
describe('gateway rate limits (medium)', () => {
  let t: MediumTest;
  let url: string;
  const nowhere = 'http://127.0.0.1:9';

  beforeAll(async () => {
    t = await startMediumTest(gatewayService, {
      env: {
        API_RATE_LIMIT: '5',
        LOGIN_ADDRESS_RATE_LIMIT: '3',
        PROSPECTS_URL: nowhere,
        APPROVALS_URL: nowhere,
        CONTRACTS_URL: nowhere,
        NOTIFICATIONS_URL: nowhere,
      },
    });
    ({ url } = t);
  });

  afterAll(async () => {
    await t?.stop();
  });

  const statuses = async (path: string, token: string, times: number) => {
    const out: number[] = [];
    for (let i = 0; i < times; i++)
      out.push((await fetchWithContract(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).status);
    return out;
  };

  it('limits forwarded requests per user, with the common error body', async () => {
    const ann = tokenFor({ userId: '00000000-0000-4000-8000-0000000000a1', roles: [Role.Owner] });
    const bob = tokenFor({ userId: '00000000-0000-4000-8000-0000000000b2', roles: [Role.Owner] });
    expect(await statuses('/api/prospects', ann, 6)).toEqual([502, 502, 502, 502, 502, 429]);
    const limited = await fetchWithContract(`${url}/api/prospects`, { headers: { authorization: `Bearer ${ann}` } });
    expect(await limited.json()).toMatchObject({ statusCode: 429, code: 'too_many_requests' });
    expect(limited.headers.get('retry-after')).toBeTruthy();
    // Another user has a budget of their own.
    expect(await statuses('/api/prospects', bob, 1)).toEqual([502]);
  });

  it("limits the gateway's own routes per client address", async () => {
    const admin = tokenFor({ roles: [Role.Admin] });
    expect(await statuses('/api/units', admin, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    // Health probes are never limited.
    for (let i = 0; i < 3; i++) expect((await fetch(`${url}/health`)).status).toBe(200);
  });

  // Issue #16: password spraying (one guess for each of many e-mails) from one address was never throttled.
  it('limits login attempts per client address across e-mails', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await fetchWithContract(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `sprayed-${i}@example.test`, password: 'Spring-2026-guess' }),
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
