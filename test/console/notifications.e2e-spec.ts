/* eslint-disable @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import type { Browser, Page } from 'playwright-core';
import { expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ConsoleWorld, startConsoleWorld } from './support/console-world';
import { signIn, waitForToast } from './support/page-actions';

// Notifications in a real Chromium against the real system: the bell's count rises live from the stream when the
// head submits a sample for the owner's approval, the inbox shows it without a reload, reading lowers the count.
jest.setTimeout(300_000);

describe('console notifications', () => {
  let world: ConsoleWorld;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  /** Through the API, as the head: a sample submitted for approval (the owner is its approver). */
  async function submitSample(title: string): Promise<string> {
    const { call, head } = world;
    const lines = await call(head, 'GET', '/api/product-lines');
    const line = lines.items[0];
    const sample = await call(head, 'POST', '/api/samples', {
      productLineId: line.id,
      title,
      rationale: 'Regional wholesalers with paper order books',
    });
    const added = await call(head, 'POST', `/api/samples/${sample.id}/companies`, {
      companies: [{ name: `${title} One Kft` }, { name: `${title} Two Zrt` }],
    });
    await call(head, 'POST', `/api/samples/${sample.id}/submit`, { version: added.sample.version });
    return sample.id as string;
  }

  const bell = (page: Page, unread: number) =>
    page.getByRole('link', { name: `Notifications, ${unread} unread`, exact: true });

  it('raises the bell live, shows a toast and the item in the inbox without a reload; reading lowers the count', async () => {
    // Two people at once: the head has the console open too (the sample goes in through the API, as an import would).
    const { context: headContext } = await signIn(browser, world.baseUrl, world.head);

    const context = await newContext(browser, world.baseUrl);
    const page = await context.newPage();
    // The stream is open before anything happens (else the item would only come with the next refetch).
    const streamOpened = page.waitForResponse((r) => r.url().includes('/api/notifications/stream') && r.ok(), {
      timeout: 60_000,
    });
    await logIn(page, world.owner.email, world.owner.password);
    await bell(page, 0).waitFor();
    await streamOpened;
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    await submitSample('Wholesalers');
    await bell(page, 1).waitFor();
    await page.getByText('Approval needed: target sample').first().waitFor();
    await screenshot(page, 'notifications-toast-en');

    await bell(page, 1).click();
    await page.waitForURL('**/notifications');
    const list = page.getByRole('list', { name: 'Notifications' });
    await list.getByRole('listitem', { name: 'Approval needed: target sample' }).waitFor();
    await page.getByText('1 unread', { exact: true }).waitFor();
    // Client-side navigation only: the console was never reloaded.
    expect(navigations.every((url) => !url.endsWith('/login'))).toBe(true);

    // A second one arrives while the inbox is open: the list grows by itself.
    await submitSample('Distributors');
    await bell(page, 2).waitFor();
    // The bell and the list are separate queries refreshed by the same event; the list may follow a moment later.
    await list.getByRole('listitem').nth(1).waitFor();
    await expect(list.getByRole('listitem').count()).resolves.toBe(2);
    await expectAccessible(page, 'inbox (en)');
    await screenshot(page, 'notifications-inbox-en');

    await page.getByRole('button', { name: 'Mark “Approval needed: target sample” as read' }).first().click();
    await bell(page, 1).waitFor();
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await bell(page, 0).waitFor();
    await page.getByText('0 unread', { exact: true }).waitFor();
    expect((await world.call(world.owner, 'GET', '/api/notifications/unread-count')).unread).toBe(0);

    await page.getByText('Unread only', { exact: true }).click();
    await page.getByText('Everything is read').waitFor();
    expect(new URL(page.url()).searchParams.get('show')).toBe('unread');
    await screenshot(page, 'notifications-inbox-empty-en');
    await context.close();
    await headContext.close();
  });

  it('shows the inbox in Hungarian', async () => {
    const context = await newContext(browser, world.baseUrl, 'hu');
    const page = await context.newPage();
    await submitSample('Nagykereskedők');
    await logIn(page, world.owner.email, world.owner.password, 'hu');
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Értesítések', level: 1 }).waitFor();
    // Worded in Hungarian by the console from the event's facts (the server's text is English).
    const item = page
      .getByRole('list', { name: 'Értesítések' })
      .getByRole('listitem', { name: 'Jóváhagyásra vár: célminta' })
      .first();
    await item.waitFor();
    await expect(item.textContent()).resolves.toMatch(/A döntésedre vár \(célminta\), határidő: \d{4}\. /);
    await expect(page.getByText('Approval needed: target sample').count()).resolves.toBe(0);
    await expectAccessible(page, 'inbox (hu)');
    await screenshot(page, 'notifications-inbox-hu');
    await context.close();
  });

  it('saves preferences per event and channel and the digest mode', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.seller);
    await page.goto('/notifications');
    await page.getByText('Nothing to read').waitFor();
    await screenshot(page, 'notifications-inbox-empty-all-en');
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    const save = page.getByRole('button', { name: 'Save settings' });
    expect(await save.isDisabled()).toBe(true);
    await page.getByRole('switch', { name: 'E-mail: A prospect stalled in its stage' }).click({ force: true });
    await page.getByRole('radio', { name: 'Daily digest' }).check({ force: true });
    await expectAccessible(page, 'preferences (en)');
    await screenshot(page, 'notifications-preferences-en');
    await save.click();
    await waitForToast(page, 'Settings saved');
    const saved = await world.call(world.seller, 'GET', '/api/notifications/preferences');
    expect(saved.digest).toBe('daily');
    expect(saved.events.find((e: { eventType: string }) => e.eventType === 'prospect.stalled')).toEqual({
      eventType: 'prospect.stalled',
      inApp: true,
      email: false,
    });

    // A server refusal is shown, not swallowed.
    await page.route('**/api/notifications/preferences', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            contentType: 'application/json',
            body: '{"statusCode":400,"code":"validation_failed","message":"The preferences are not valid.","fields":[{"field":"digest","problems":["must be one of off, hourly, daily"]}]}',
          })
        : route.continue(),
    );
    await page.getByRole('radio', { name: 'Hourly digest' }).check({ force: true });
    await save.click();
    await page.getByRole('alert').getByText('The preferences are not valid.').waitFor();
    await screenshot(page, 'notifications-preferences-error-en');
    await context.close();

    const { context: hu, page: huPage } = await signIn(browser, world.baseUrl, world.seller, 'hu');
    await huPage.goto('/notifications/preferences');
    await huPage.getByRole('heading', { name: 'Értesítési beállítások', level: 1 }).waitFor();
    await huPage.getByRole('radio', { name: 'Napi összefoglaló' }).waitFor();
    expect(await huPage.getByRole('radio', { name: 'Napi összefoglaló' }).isChecked()).toBe(true);
    await expectAccessible(huPage, 'preferences (hu)');
    await screenshot(huPage, 'notifications-preferences-hu');
    await hu.close();
  });
});
