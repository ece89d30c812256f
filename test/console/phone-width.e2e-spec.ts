import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { waitFor } from '@dealgate/testing';
import { Language, expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ConsoleWorld, Person, approvedProspects, startConsoleWorld } from './support/console-world';

// Every page of the console's part 1 on a phone (390 × 844, no touch): the page itself never scrolls sideways
// (a wide table scrolls inside its own region), the navigation is behind the burger and reachable, and a
// screenshot of each page in English and of some in Hungarian to look at.
jest.setTimeout(300_000);

const PHONE = { width: 390, height: 844 };
const STICKING_OUT = `(() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    // Its box, or its content spilling out of a box that does not clip (a long word in a narrow column).
    const spills = getComputedStyle(el).overflowX === 'visible' ? el.scrollWidth - el.clientWidth : 0;
    if (Math.max(box.right, box.left + el.clientWidth + spills) <= innerWidth + 0.5) continue;
    const position = getComputedStyle(el).position;
    if (position === 'fixed') continue;
    // Clipped by a narrower scroll region, but only one that contains it: an absolute box escapes every static one.
    let escapes = position === 'absolute';
    let clipped = false;
    for (let p = el.parentElement; p && !clipped; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (escapes && style.position === 'static') continue;
      escapes = style.position === 'absolute';
      clipped = style.overflowX !== 'visible' && p.getBoundingClientRect().right <= innerWidth + 0.5;
    }
    if (clipped) continue;
    const kind = el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '');
    out.push(kind + ' "' + (el.textContent || '').trim().slice(0, 30) + '" right=' + Math.round(box.right) + ' spills=' + spills);
  }
  return out.slice(-6);
})()`;
const NAV = { en: 'Toggle navigation', hu: 'Navigáció ki/be' } as const;

describe('console at phone width', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let prospectId = '';
  let sampleId = '';

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    const approved = await approvedProspects(world, ['Tiszántúli Mezőgazdasági Gépkereskedelmi Zrt']);
    prospectId = approved.prospects[0].id as string;
    // A draft with long names and sites: the company table has to scroll inside itself, not the page.
    const { call, head } = world;
    const line = (await call(head, 'GET', '/api/product-lines')).items[0];
    const sample = await call(head, 'POST', '/api/samples', {
      productLineId: line.id,
      title: 'Észak-magyarországi élelmiszer-nagykereskedők és -forgalmazók',
      rationale: 'Regional food wholesalers that still take orders by phone and fax',
    });
    await call(head, 'POST', `/api/samples/${sample.id}/companies`, {
      companies: [
        {
          name: 'Borsodi Élelmiszer-nagykereskedelmi Kft',
          taxId: '12345678-2-05',
          website: 'borsodi-elelmiszer.example',
        },
        { name: 'Miskolci Hűtőház és Logisztika Zrt', website: 'https://miskolci-hutohaz-logisztika.example/rolunk' },
      ],
    });
    sampleId = sample.id;
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function phone(language: Language, who?: Person): Promise<{ context: BrowserContext; page: Page }> {
    const context = await newContext(browser, world.baseUrl, language, PHONE);
    // A loaded machine: more patience than the kit's 15 s.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    if (who) await logIn(page, who.email, who.password, language);
    return { context, page };
  }

  /** No sideways scrolling of the page; then a screenshot from the top. */
  async function fits(page: Page, name: string): Promise<void> {
    // Nothing is still loading (a late answer could widen the page after the measure).
    await page
      .getByText(/^(Loading…|Betöltés…)$/)
      .first()
      .waitFor({ state: 'hidden' });
    const [scrollWidth, innerWidth] = await page.evaluate<number[]>(
      '[document.scrollingElement.scrollWidth, window.innerWidth]',
    );
    // On a failure, name what sticks out (elements past the right edge that no narrower scroll region clips).
    const sticking = scrollWidth > innerWidth ? await page.evaluate<string[]>(STICKING_OUT) : [];
    expect({ page: name, scrollWidth, sticking }).toEqual({
      page: name,
      scrollWidth: Math.min(scrollWidth, innerWidth),
      sticking: [],
    });
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, `phone-${name}`);
  }

  /** Whether a link is on the screen (a folded navbar is moved off it, not hidden). */
  async function onScreen(link: Locator): Promise<boolean> {
    const box = await link.boundingBox();
    return !!box && box.x >= 0 && box.x + box.width <= PHONE.width;
  }

  /** The navigation is folded away (out of the Tab order too) and the burger opens it; the link is there to use. */
  async function navigationReachable(page: Page, language: Language, link: string): Promise<void> {
    const nav = page.getByRole('navigation', { name: language === 'hu' ? 'Fő navigáció' : 'Main navigation' });
    const target = nav.getByRole('link', { name: link });
    expect(await onScreen(target)).toBe(false);
    expect(await nav.getAttribute('inert')).not.toBeNull();
    const burger = page.getByRole('button', { name: NAV[language] });
    await burger.click();
    await waitFor(() => onScreen(target), { what: `${link} on screen`, timeoutMs: 10_000 });
    expect(await nav.getAttribute('inert')).toBeNull();
    await burger.click();
    await waitFor(async () => !(await onScreen(target)), { what: `${link} folded`, timeoutMs: 10_000 });
  }

  it('login, home and change password fit, and the burger opens the navigation (en)', async () => {
    const { context, page } = await phone('en');
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Log in to Dealgate' }).waitFor();
    await fits(page, 'login-en');
    await logIn(page, world.seller.email, world.seller.password);
    await page.getByRole('heading', { name: 'What needs you now', level: 1 }).waitFor();
    await fits(page, 'home-en');
    await navigationReachable(page, 'en', 'My board');
    // The navigation takes the person somewhere and folds away again.
    await page.getByRole('button', { name: NAV.en }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My board' }).click();
    await page.waitForURL('**/board');
    await page.getByRole('heading', { name: 'My board', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Tiszántúli Mezőgazdasági Gépkereskedelmi Zrt' }).first().waitFor();
    await fits(page, 'board-en');
    await page.goto('/password');
    await page.getByRole('heading', { name: 'Change your password', level: 1 }).waitFor();
    await fits(page, 'password-en');
    await expectAccessible(page, 'change password (phone)');
    await context.close();
  });

  it('the prospect page fits with each of its tabs (en)', async () => {
    const { context, page } = await phone('en', world.seller);
    await page.goto(`/prospects/${prospectId}`);
    await page.getByRole('heading', { name: 'Tiszántúli Mezőgazdasági Gépkereskedelmi Zrt', level: 1 }).waitFor();
    await fits(page, 'prospect-overview-en');
    for (const [tab, name] of [
      ['Contacts and meetings', 'activity'],
      ['Brief', 'brief'],
      ['Offer', 'offer'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      await fits(page, `prospect-${name}-en`);
    }
    await navigationReachable(page, 'en', 'Home');
    await context.close();
  });

  it('the samples list, a new sample and a sample fit (en)', async () => {
    const { context, page } = await phone('en', world.head);
    await page.goto('/samples');
    await page.getByRole('heading', { name: 'Target samples', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Target samples' }).waitFor();
    await fits(page, 'samples-en');
    await navigationReachable(page, 'en', 'Home');
    await page.goto('/samples/new');
    await page.getByRole('heading', { name: 'New target sample', level: 1 }).waitFor();
    await fits(page, 'sample-new-en');
    await page.goto(`/samples/${sampleId}`);
    await page.getByRole('table', { name: 'Companies of the sample' }).waitFor();
    await fits(page, 'sample-en');
    await expectAccessible(page, 'sample (phone)');
    await context.close();
  });

  it('the inbox and the notification settings fit (en)', async () => {
    const { context, page } = await phone('en', world.owner);
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Notifications' }).getByRole('listitem').first().waitFor();
    await fits(page, 'inbox-en');
    await navigationReachable(page, 'en', 'Home');
    await page.goto('/notifications/preferences');
    await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    await fits(page, 'preferences-en');
    await context.close();
  });

  it('the pages fit in Hungarian too (longer words)', async () => {
    const { context, page } = await phone('hu');
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Belépés a Dealgate-be' }).waitFor();
    await fits(page, 'login-hu');
    await logIn(page, world.head.email, world.head.password, 'hu');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await fits(page, 'home-hu');
    await navigationReachable(page, 'hu', 'Célminták');
    await page.goto('/samples');
    await page.getByRole('table', { name: 'Célminták' }).waitFor();
    await fits(page, 'samples-hu');
    await page.goto(`/samples/${sampleId}`);
    await page.getByRole('table', { name: 'A célminta cégei' }).waitFor();
    await fits(page, 'sample-hu');
    await page.goto('/notifications');
    await page.getByRole('list', { name: 'Értesítések' }).getByRole('listitem').first().waitFor();
    await fits(page, 'inbox-hu');
    await page.goto('/notifications/preferences');
    await page.getByRole('heading', { name: 'Értesítési beállítások', level: 1 }).waitFor();
    await fits(page, 'preferences-hu');
    await page.goto('/password');
    await page.getByRole('heading', { name: 'Jelszócsere', level: 1 }).waitFor();
    await fits(page, 'password-hu');
    await context.close();

    const seller = await phone('hu', world.seller);
    await seller.page.goto(`/prospects/${prospectId}`);
    await seller.page.getByRole('tab', { name: 'Ajánlat' }).waitFor();
    await fits(seller.page, 'prospect-overview-hu');
    await seller.page.getByRole('tab', { name: 'Kapcsolatok és találkozók' }).click();
    await seller.page.getByRole('tabpanel').waitFor();
    await fits(seller.page, 'prospect-activity-hu');
    await seller.page.goto('/board');
    await seller.page.getByRole('heading', { name: 'Saját tábla', level: 1 }).waitFor();
    await fits(seller.page, 'board-hu');
    await seller.context.close();
  });
});
