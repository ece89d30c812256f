import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { Language, logIn, newContext } from './browser';

// What the console specs do on a page again and again: sign someone in, pick from a Mantine select, wait for a
// toast (and for the toasts to go), open a prospect. Each waits for the page instead of asserting at once: CI is a
// loaded machine.

export interface Credentials {
  email: string;
  password: string;
}

/** A fresh browser profile in one language with the person logged in through the login form. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  who: Credentials,
  language: Language = 'en',
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, language, viewport);
  const page = await context.newPage();
  await logIn(page, who.email, who.password, language);
  return { context, page };
}

/** A Mantine Select or MultiSelect input, by its label (a searchable one is a textbox, the others a combobox). */
export function choice(scope: Page | Locator, label: string | RegExp): Locator {
  return scope
    .getByRole('combobox', { name: label })
    .or(scope.getByRole('textbox', { name: label }))
    .first();
}

/** Opens a Mantine select by its label and picks one option. */
export async function pick(page: Page, label: string | RegExp, option: string | RegExp): Promise<void> {
  await choice(page, label).click();
  await page.getByRole('option', { name: option }).click();
}

/** A toast with exactly this text has appeared. */
export async function waitForToast(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().waitFor();
}

/** Toasts (ours and the notification bell's) fade after a few seconds; axe and screenshots judge the page under them. */
export async function toastsGone(page: Page): Promise<void> {
  // A toast under the pointer holds its auto-close (Mantine pauses it on hover): the pointer goes elsewhere first.
  await pointerAway(page);
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 20_000 });
}

/** Waits until no loading placeholder (role "status") is left: panels load side by side, so there may be several. */
export async function loadersGone(page: Page): Promise<void> {
  const loaders = page.getByRole('status');
  while ((await loaders.count()) > 0) {
    await loaders.first().waitFor({ state: 'detached', timeout: 20_000 });
  }
}

/** The pointer off the navigation, so axe and the screenshot see links at rest rather than hovered. */
export async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(700, 800);
}

/** Follows a prospect's link (on the board, the home page) and waits for its page. */
export async function openProspect(scope: Page | Locator, page: Page, companyName: string): Promise<void> {
  await scope.getByRole('link', { name: companyName }).first().click();
  await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
}

/** The prospect page's stage badge (beside the company's name) reads `stage`. */
export async function stageBadge(page: Page, stage: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).locator('..').getByText(stage, { exact: true }).waitFor();
}
