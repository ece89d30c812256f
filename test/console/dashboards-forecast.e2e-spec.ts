/// <reference lib="dom" />

import type { Browser } from 'playwright-core';
import { queryOnce } from '@dealgate/testing';
import { forecastHistory, forecastProspect } from '../../apps/prospects/test/analytics/forecast-history';
import { insertFunnel } from '../../apps/prospects/test/analytics/funnel-generator';
import { expectAccessible, launchChromium, screenshot } from './support/browser';
import { ConsoleWorld, startConsoleWorld } from './support/console-world';
import { signIn } from './support/page-actions';

// The dashboards' Forecast tab in a real Chromium over nine months of this unit's history written into the log:
// next quarter's median and range, the measured accuracy, the likeliest deals linking to their prospects; en and hu.
jest.setTimeout(240_000);

const DAY = 86_400_000;

describe('console dashboards: the forecast', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let close: { id: string };

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    const [{ id: line }] = await queryOnce<{ id: string }>(
      world.db.url,
      'SELECT id FROM prospects.product_line WHERE cycle_min_days = 30 AND cycle_max_days = 60',
    );
    const sellers = [world.seller, world.colleague].map((p) => ({ userId: p.id, unitId: world.unitId }));
    const now = Date.now();
    const history = forecastHistory(sellers, line, new Date(now - 273 * DAY), 230);
    const deal = forecastProspect(sellers[0], line, new Date(now - 22 * DAY), 4, 'open'); // 2 days in contract
    const fresh = forecastProspect(sellers[0], line, new Date(now - DAY), 0, 'open');
    const middle = forecastProspect(sellers[1], line, new Date(now - 12 * DAY), 2, 'open');
    await insertFunnel(world.db.url, [...history, deal, fresh, middle]);
    close = deal;
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it("shows the head next quarter's forecast with its measured accuracy, the arrivals against the plan and the likeliest deals", async () => {
    // A plan for the first month of next quarter: the arrivals table sets it beside the forecast.
    const today = new Date();
    const quarterStart = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3 + 3, 1));
    const planned = await world.call(world.head, 'PUT', '/api/plans', {
      period: quarterStart.toISOString().slice(0, 7),
      salespersonId: world.seller.id,
      stages: { needs_identification: 17 },
    });
    expect(planned.length).toBeGreaterThan(0);
    const { context, page } = await signIn(browser, world.baseUrl, world.head);
    await page.goto('/dashboards?tab=forecast');
    const region = page.getByRole('region', { name: 'Forecast of signed contracts' });
    await region.getByText(/signed contracts expected \(80% range/).waitFor();
    await region.getByText(/^On the last \d+ months the median was off by/).waitFor();
    const periods = region.getByRole('table', { name: 'Signed contracts expected per period' });
    expect(await periods.getByRole('row').count()).toBeGreaterThanOrEqual(6);
    const arrivals = region.getByRole('table', { name: /^Deals expected to reach each stage in Q\d \d{4}$/ });
    const needs = arrivals.getByRole('row').filter({ hasText: 'Needs identification' });
    expect(await needs.getByRole('cell').nth(3).textContent()).toBe('17');
    const deals = region.getByRole('table', { name: 'Open deals by chance to sign' });
    const first = deals.getByRole('row').nth(1);
    expect(await first.getByRole('link').getAttribute('href')).toBe(`/prospects/${close.id}`);
    await first.getByText('2 days in Contract').waitFor();
    await expectAccessible(page, 'dashboards forecast head (en)');
    await screenshot(page, 'dashboards-forecast-history-head-en');
    await first.getByRole('link').click();
    await page.waitForURL(`**/prospects/${close.id}`);
    await context.close();
  });

  it('speaks Hungarian', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.head, 'hu');
    await page.goto('/dashboards?tab=forecast');
    const region = page.getByRole('region', { name: 'Megkötött szerződések előrejelzése' });
    await region.getByText(/megkötött szerződés \(80%-os sáv/).waitFor();
    await region.getByText(/^Az elmúlt \d+ hónapban a medián eltérése/).waitFor();
    await region.getByRole('table', { name: 'Nyitott üzletek az aláírás esélye szerint' }).waitFor();
    await region
      .getByRole('table', { name: /^Az egyes szakaszokba várhatóan belépő üzletek – \d{4}\. \d\. negyedév$/ })
      .waitFor();
    await expectAccessible(page, 'dashboards forecast head (hu)');
    await screenshot(page, 'dashboards-forecast-history-head-hu');
    await context.close();
  });
});
