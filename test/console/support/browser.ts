import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

const ROOT = resolve(__dirname, '..', '..', '..');
/** Screenshots of every browser run land here (CI keeps the folder; it is git-ignored). */
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (or CHROMIUM_PATH); never a silent skip when none is there. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'The browser tests need Chromium: install it with `apt-get install chromium` (Debian) or set CHROMIUM_PATH to a Chromium binary.',
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

export type Language = 'en' | 'hu';

/** A fresh browser profile in one language (the console picks it from the browser until the user switches). */
export async function newContext(
  browser: Browser,
  baseURL: string,
  language: Language = 'en',
  viewport = { width: 1366, height: 860 },
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: language === 'hu' ? 'hu-HU' : 'en-GB',
    timezoneId: 'Europe/Budapest',
    viewport,
  });
  context.setDefaultTimeout(15_000);
  // A page error is a bug: it goes to the test's output next to the failing step.
  context.on('weberror', (error) => console.error(`browser page error: ${error.error().message}`));
  return context;
}

/**
 * A full-page screenshot named `<page>-<state>-<language>`, from the top: scrolled down, the fixed header would land
 * in the middle of the picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * axe-core on the page as it is now: no serious or critical violation (the list names each one if any). Only
 * violations are collected: gathering the passing nodes too made each run about a fifth slower.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ page: what, violations: bad }).toEqual({ page: what, violations: [] });
}

/** Logs in through the login form, as a person would. */
export async function logIn(page: Page, email: string, password: string, language: Language = 'en'): Promise<void> {
  await page.goto('/login');
  const labels = language === 'hu' ? ['E-mail-cím', 'Jelszó', 'Belépés'] : ['E-mail', 'Password', 'Log in'];
  await page.getByRole('textbox', { name: labels[0], exact: true }).fill(email);
  // A password input has no role; its label reads "Password *" (the star is hidden from screen readers).
  await page.getByLabel(new RegExp(`^${labels[1]}`)).fill(password);
  await page.getByRole('button', { name: labels[2], exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
