// page.evaluate callbacks run in the browser and read its storage.
/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { expectAccessible, launchChromium, newContext, screenshot } from './support/browser';
import { ConsoleWorld, startConsoleWorld } from './support/console-world';
import { signIn } from './support/page-actions';

// The console's session in a real Chromium against the real system: login, language, reload, expiry, logout.
jest.setTimeout(120_000);

describe('console session', () => {
  let world: ConsoleWorld;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('shows the login page in the browser’s language, switches language, and passes axe', async () => {
    const context = await newContext(browser, world.baseUrl, 'hu');
    const page = await context.newPage();
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Belépés a Dealgate-be' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('hu');
    await expectAccessible(page, 'login (hu)');
    await screenshot(page, 'login-hu');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('heading', { name: 'Log in to Dealgate' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'login-en');
    await context.close();
  });

  it('refuses a wrong password with a sentence and changes nothing', async () => {
    const context = await newContext(browser, world.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(world.seller.email);
    await page.getByLabel(/^Password/).fill('not-the-password-at-all');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.getByRole('alert').getByText('The e-mail or the password is wrong.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await screenshot(page, 'login-failed-en');
    await context.close();
  });

  it('keeps the session over a reload through the refresh cookie, and logs out', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.seller);
    const cookie = (await context.cookies()).find((c) => c.name === 'dealgate_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect(await page.evaluate(() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage))).not.toContain(
      'eyJ',
    );
    await page.reload();
    await page.getByRole('button', { name: `Account menu for ${world.seller.name}` }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    await page.goto('/');
    await page.waitForURL('**/login');
    await context.close();
  });

  it('shows the expired-session page when the server ends the session', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.seller);
    // The server answers as it does once the access token and the refresh cookie are no longer valid.
    await context.clearCookies();
    await page.route('**/api/**', (route) =>
      route.request().url().includes('/api/auth/refresh')
        ? route.continue()
        : route.fulfill({
            status: 401,
            contentType: 'application/json',
            body: '{"statusCode":401,"code":"unauthorized","message":"expired"}',
          }),
    );
    // Any API call of the open page now finds its session gone (the bell may get there first); a client-side move to
    // the board makes one for sure.
    await page.evaluate("history.pushState({}, '', '/board'); dispatchEvent(new PopStateEvent('popstate'))");
    await page.getByRole('heading', { name: 'Your session has ended' }).waitFor();
    await expectAccessible(page, 'session expired');
    await screenshot(page, 'session-expired-en');
    await context.close();
  });
});
