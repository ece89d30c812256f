/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-explicit-any -- reads JSON answers loosely */
import type { Browser } from 'playwright-core';
import { queryOnce } from '@dealgate/testing';
import { expectAccessible, launchChromium, logIn, screenshot } from './support/browser';
import { ADMIN, ConsoleWorld, approvedProspects, http, startConsoleWorld } from './support/console-world';
import { openProspect, signIn } from './support/page-actions';

// The home page per role in a real Chromium: what needs the salesperson (today's meeting, a stalled prospect) and
// the head (the unit's stalled prospects, the unassigned one); and the first admin who must change a password.
jest.setTimeout(240_000);

/** A few minutes from now, still on today's date in Budapest (the browser's time zone in the kit). */
function laterToday(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Budapest',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  const toMidnightMs = ((23 - hour) * 60 + (60 - minute)) * 60_000;
  return new Date(now.getTime() + Math.min(10 * 60_000, toMidnightMs / 2)).toISOString();
}

describe('console home page', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let prospects: any[];

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    ({ prospects } = await approvedProspects(world, ['Alpha Logistics Kft', 'Beta Foods Zrt', 'Gamma Tools Bt']));
    const byName = (name: string) => prospects.find((p) => p.companyName === name);
    const alpha = byName('Alpha Logistics Kft');
    const contact = await world.call(world.seller, 'POST', `/api/prospects/${alpha.id}/contacts`, {
      name: 'Dora Decider',
      isDecisionMaker: true,
      decisionReason: 'Signs every purchase above a million forints',
      position: 'Managing director',
    });
    await world.call(world.seller, 'POST', `/api/prospects/${alpha.id}/meetings`, {
      contactId: contact.id,
      scheduledAt: laterToday(),
      agenda: 'Order intake on paper: what it costs them',
    });
    // Time passes in the database: Beta entered its stage long ago (stalled); Gamma lost its salesperson.
    await queryOnce(
      world.db.url,
      `UPDATE prospects.prospect SET stage_entered_at = now() - interval '60 days' WHERE id = $1`,
      [byName('Beta Foods Zrt').id],
    );
    await queryOnce(world.db.url, `UPDATE prospects.prospect SET owner_id = NULL WHERE id = $1`, [
      byName('Gamma Tools Bt').id,
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('shows the salesperson today’s meeting and the stalled prospect, in English and Hungarian', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.seller);
    await page.getByRole('heading', { name: 'What needs you now', level: 1 }).waitFor();
    const meetings = page.getByRole('region', { name: 'Today’s meetings' });
    await meetings.getByRole('link', { name: 'Alpha Logistics Kft' }).waitFor();
    await meetings.getByText(/with Dora Decider/).waitFor();
    const stalled = page.getByRole('region', { name: 'My stalled prospects' });
    await stalled.getByRole('link', { name: 'Beta Foods Zrt' }).waitFor();
    await stalled.getByText(/60 days in Primary contact/).waitFor();
    await page.getByRole('region', { name: 'Offers waiting' }).getByText('No offer is waiting').waitFor();
    await expectAccessible(page, 'home salesperson (en)');
    await screenshot(page, 'home-salesperson-en');
    await openProspect(stalled, page, 'Beta Foods Zrt');
    await page.waitForURL(`**/prospects/${prospects.find((p) => p.companyName === 'Beta Foods Zrt').id}`);
    await context.close();

    const { context: hu, page: huPage } = await signIn(browser, world.baseUrl, world.seller, 'hu');
    await huPage.getByRole('heading', { name: 'Ami most rád vár', level: 1 }).waitFor();
    await huPage
      .getByRole('region', { name: 'Mai találkozók' })
      .getByRole('link', { name: 'Alpha Logistics Kft' })
      .waitFor();
    await huPage
      .getByRole('region', { name: 'Elakadt érdeklődőim' })
      .getByRole('link', { name: 'Beta Foods Zrt' })
      .waitFor();
    await expectAccessible(huPage, 'home salesperson (hu)');
    await screenshot(huPage, 'home-salesperson-hu');
    await hu.close();
  });

  it('shows the head the approvals, the unit’s stalled prospect and the unassigned count', async () => {
    for (const language of ['en', 'hu'] as const) {
      const { context, page } = await signIn(browser, world.baseUrl, world.head, language);
      const en = language === 'en';
      const unit = page.getByRole('region', { name: en ? 'My unit' : 'Az egységem' });
      await unit.getByRole('link', { name: 'Beta Foods Zrt' }).waitFor();
      await unit
        .getByText(en ? '1 prospect has no salesperson' : '1 érdeklődőnek nincs értékesítője', { exact: true })
        .waitFor();
      await page
        .getByRole('region', { name: en ? 'Approvals waiting for me' : 'Rám váró jóváhagyások' })
        .getByText(en ? 'No approval waits for you' : 'Nincs rád váró jóváhagyás')
        .waitFor();
      await expectAccessible(page, `home head (${language})`);
      await screenshot(page, `home-head-${language}`);
      await context.close();
    }
  });

  it('shows the owner the approvals waiting with their deadline', async () => {
    const lines = await world.call(world.head, 'GET', '/api/product-lines');
    const sample = await world.call(world.head, 'POST', '/api/samples', {
      productLineId: lines.items[0].id,
      title: 'Printers',
      rationale: 'Print shops that still quote by e-mail',
    });
    const added = await world.call(world.head, 'POST', `/api/samples/${sample.id}/companies`, {
      companies: [{ name: 'Delta Print Kft' }],
    });
    await world.call(world.head, 'POST', `/api/samples/${sample.id}/submit`, { version: added.sample.version });
    const { context, page } = await signIn(browser, world.baseUrl, world.owner);
    const approvals = page.getByRole('region', { name: 'Approvals waiting for me' });
    await approvals.getByText('Target sample').waitFor({ timeout: 30_000 });
    await approvals.getByText(/^Due /).waitFor();
    await expectAccessible(page, 'home owner (en)');
    await screenshot(page, 'home-owner-en');
    await context.close();
  });

  it('sends the admin whose password was set for them to change it, then home with the new one', async () => {
    const login = await http(world.baseUrl, '', 'POST', '/api/auth/login', ADMIN);
    const token = login.body.accessToken as string;
    const me = await http(world.baseUrl, token, 'GET', '/api/auth/me');
    expect(me.body.mustChangePassword).toBe(false);
    const given = 'Temporary-Beacon-3377';
    const reset = await http(world.baseUrl, token, 'POST', `/api/users/${me.body.id}/password`, { password: given });
    expect(reset.status).toBeLessThan(300);

    const { context, page } = await signIn(browser, world.baseUrl, { email: ADMIN.email, password: given });
    await page.waitForURL('**/password');
    await page.getByText('Your password was generated or set by an administrator.', { exact: false }).waitFor();
    // Nowhere else to go until it is changed.
    await page.goto('/');
    await page.waitForURL('**/password');
    await expectAccessible(page, 'must change password (en)');
    await screenshot(page, 'password-must-change-en');
    const chosen = 'Juniper-Anvil-6402';
    await page.getByLabel(/^Current password/).fill(given);
    await page.getByLabel(/^New password again/).fill(chosen);
    await page.getByLabel(/^New password(?! again)/).fill(chosen);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL('**/login');
    await logIn(page, ADMIN.email, chosen);
    await page.getByRole('heading', { name: 'What needs you now', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const setUp = page.getByRole('region', { name: 'Set up the company' });
    await setUp.getByRole('link', { name: /Users: 7 users/ }).waitFor();
    await setUp.getByRole('link', { name: /Sales units: 1 sales unit/ }).waitFor();
    await expectAccessible(page, 'home admin (en)');
    await screenshot(page, 'home-admin-en');
    await context.close();
  });
});
