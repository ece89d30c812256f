import { MediumTest, startMediumTest } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';

// Issue #16: `/metrics` was public on the public port, and `/api/health` told anyone the inside of every service.
describe('what the public port shows (medium)', () => {
  let t: MediumTest;
  let url: string;
  const nowhere = 'http://127.0.0.1:9';
  const scrapeToken = 'scrape-token-0123456789abcdef0123';

  beforeAll(async () => {
    t = await startMediumTest(gatewayService, {
      env: {
        METRICS_TOKEN: scrapeToken,
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

  it('serves /metrics only with the scrape token', async () => {
    expect((await fetch(`${url}/metrics`)).status).toBe(401);
    expect((await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const scraped = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${scrapeToken}` } });
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('http_request_duration_seconds');
  });

  it('tells the public only up or down on /api/health', async () => {
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'down' });
  });
});
