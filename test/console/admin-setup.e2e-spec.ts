/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- reads JSON answers loosely */
import type { Browser, Locator, Page } from 'playwright-core';
import { Role } from '@dealgate/domain';
import { expectAccessible, launchChromium, logIn, screenshot } from './support/browser';
import { EmptyCompany, startEmptyCompany } from './support/empty-company';
import { choice, pointerAway, signIn, toastsGone, waitForToast } from './support/page-actions';

// Issue #13, administration part A in a real Chromium against the real system: the first admin of an empty company
// logs in with the generated password, replaces it, and sets the company up in the browser alone; the API then shows
// everything as made and a new salesperson logs in. Then the same pages in Hungarian, and a refused form.
jest.setTimeout(180_000);

const CHOSEN = 'Cobalt-Orchard-Tundra-8315';
const STAFF_PASSWORD = 'Saffron-Kettle-Glacier-2948';

interface NewPerson {
  name: string;
  email: string;
  roles: string[];
  unit?: string;
  groups?: string[];
}

const PEOPLE: NewPerson[] = [
  { name: 'Nora Northcote', email: 'nora@example.test', roles: ['Sales head'], unit: 'North' },
  { name: 'Simon Southgate', email: 'simon@example.test', roles: ['Sales head'], unit: 'South' },
  { name: 'Sam Seller', email: 'sam@example.test', roles: ['Salesperson'], unit: 'North' },
  { name: 'Sara Sales', email: 'sara@example.test', roles: ['Salesperson'], unit: 'South' },
  { name: 'Lena Legal', email: 'lena@example.test', roles: ['Legal'], groups: ['Legal'] },
  { name: 'Arno Accounts', email: 'arno@example.test', roles: ['Accounting'], groups: ['Accounting'] },
];

const LIMITS: [string, number][] = [
  ['Target sample', 10],
  ['Primary contact', 15],
  ['Needs identification', 15],
  ['Commercial offer', 20],
  ['Offer defence', 10],
  ['Contract', 20],
];

/** Picks options of a Mantine MultiSelect, then moves on to `next` (which closes its list). */
async function pickMany(scope: Locator, page: Page, label: string, options: string[]) {
  // The MultiSelect's own input sits under its pill box, which takes the click.
  const box = scope.locator('.mantine-MultiSelect-input', { has: page.getByRole('combobox', { name: label }) });
  for (const option of options) {
    await box.click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }
  // A click beside the list closes it (Escape could close the drawer too).
  await scope.getByRole('heading').first().click();
  await page.getByRole('listbox').waitFor({ state: 'hidden' });
}

async function createUser(page: Page, person: NewPerson) {
  await page.getByRole('button', { name: 'New user' }).click();
  const drawer = page.getByRole('dialog', { name: 'New user' });
  await drawer.getByRole('textbox', { name: 'Name' }).fill(person.name);
  await drawer.getByRole('textbox', { name: 'E-mail' }).fill(person.email);
  await drawer.getByLabel(/^Initial password/).fill(STAFF_PASSWORD);
  await pickMany(drawer, page, 'Roles', person.roles);
  if (person.unit) {
    await choice(drawer, 'Unit').click();
    await page.getByRole('option', { name: person.unit, exact: true }).click();
  }
  if (person.groups) await pickMany(drawer, page, 'Task groups', person.groups);
  await drawer.getByRole('button', { name: 'Create user' }).click();
  await waitForToast(page, `${person.name} can now log in.`);
  await drawer.waitFor({ state: 'detached' });
}

async function setHead(page: Page, unit: string, head: string) {
  await page.getByRole('button', { name: `Set head of ${unit}` }).click();
  const modal = page.getByRole('dialog', { name: `Set head of ${unit}` });
  await choice(modal, 'Head').click();
  await page.getByRole('option', { name: new RegExp(`^${head} `) }).click();
  await modal.getByRole('button', { name: 'Save' }).click();
  await waitForToast(page, `The head of ${unit} is saved.`);
  await page.getByRole('row', { name: new RegExp(`^${unit} ${head}`) }).waitFor();
}

async function section(page: Page, label: string, heading: string, language: 'en' | 'hu' = 'en') {
  const sections = page.getByRole('navigation', { name: language === 'hu' ? 'Részek' : 'Sections' });
  await sections.getByRole('link', { name: label }).click();
  await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
}

describe('console administration: setting up a company', () => {
  let company: EmptyCompany;
  let browser: Browser;

  beforeAll(async () => {
    [company, browser] = await Promise.all([startEmptyCompany(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await company?.stop();
  });

  it('lets the first admin replace the generated password and set up units, people, a product line and a norm', async () => {
    const { firstAdmin } = company;
    const { context, page } = await signIn(browser, company.baseUrl, firstAdmin);
    await page.waitForURL('**/password');
    await page.getByText('Your password was generated or set by an administrator.', { exact: false }).waitFor();
    await page.getByLabel(/^Current password/).fill(firstAdmin.password);
    await page.getByLabel(/^New password again/).fill(CHOSEN);
    await page.getByLabel(/^New password(?! again)/).fill(CHOSEN);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.waitForURL('**/login');
    await logIn(page, firstAdmin.email, CHOSEN);

    // /admin opens the first section; the company has only its admin.
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Administration' })
      .click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('row', { name: /Administrator/ }).waitFor();

    await section(page, 'Sales units', 'Sales units');
    await page.getByText('No units yet.').waitFor();
    await pointerAway(page);
    await expectAccessible(page, 'units, empty (en)');
    await screenshot(page, 'admin-units-empty-en');
    for (const unit of ['North', 'South']) {
      await page.getByRole('textbox', { name: 'Name' }).fill(unit);
      await page.getByRole('button', { name: 'Add unit' }).click();
      await waitForToast(page, `The unit ${unit} is added.`);
      await page.getByRole('row', { name: new RegExp(`^${unit} No head yet`) }).waitFor();
    }

    await section(page, 'Users', 'Users');
    for (const person of PEOPLE) await createUser(page, person);

    await section(page, 'Sales units', 'Sales units');
    await setHead(page, 'North', 'Nora Northcote');
    await setHead(page, 'South', 'Simon Southgate');
    await toastsGone(page);
    await pointerAway(page);
    await expectAccessible(page, 'units (en)');
    await screenshot(page, 'admin-units-en');

    await section(page, 'Users', 'Users');
    await choice(page, 'Unit').click();
    await page.getByRole('option', { name: 'North', exact: true }).click();
    await page.getByRole('row', { name: /Sam Seller/ }).waitFor();
    await page.getByRole('row', { name: /Sara Sales/ }).waitFor({ state: 'detached' });
    await expectAccessible(page, 'users filtered (en)');
    await screenshot(page, 'admin-users-north-en');

    await section(page, 'Product lines', 'Product lines');
    await page.getByRole('button', { name: 'New product line' }).click();
    const drawer = page.getByRole('dialog', { name: 'New product line' });
    await drawer.getByRole('textbox', { name: 'Name' }).fill('Solar installations');
    await drawer.getByRole('textbox', { name: 'Shortest' }).fill('60');
    await drawer.getByRole('textbox', { name: 'Longest' }).fill('120');
    for (const [stage, days] of LIMITS) await drawer.getByRole('textbox', { name: stage }).fill(String(days));
    await drawer.getByText('Together: 90 days').waitFor();
    await expectAccessible(page, 'product line form (en)');
    await screenshot(page, 'admin-product-line-form-en');
    await drawer.getByRole('button', { name: 'Create product line' }).click();
    await waitForToast(page, 'The product line Solar installations is added.');
    await page.getByRole('row', { name: /^Solar installations 60–120 days 10 days 15 days/ }).waitFor();
    await toastsGone(page);
    await pointerAway(page);
    await expectAccessible(page, 'product lines (en)');
    await screenshot(page, 'admin-product-lines-en');

    await section(page, 'Norms and warnings', 'Norms and early warnings');
    const meetings = page.getByRole('region', { name: 'Meetings held per month' });
    await meetings.getByRole('textbox', { name: 'At least' }).fill('12');
    await meetings.getByRole('button', { name: 'Save' }).click();
    await waitForToast(page, 'Meetings held per month: saved.');
    await toastsGone(page);
    await pointerAway(page);
    await expectAccessible(page, 'norms (en)');
    await screenshot(page, 'admin-norms-en');

    await section(page, 'Lost reasons', 'Lost reasons');
    await page.getByRole('table', { name: 'Lost reasons' }).waitFor();
    await expectAccessible(page, 'lost reasons (en)');
    await screenshot(page, 'admin-lost-reasons-en');
    await context.close();

    // Through the API: everything exists as it was made.
    const admin = await company.adminToken();
    const units = (await company.call(admin, 'GET', '/api/units')).items as any[];
    const users = (await company.call(admin, 'GET', '/api/users?limit=50')).items as any[];
    const user = (email: string) => users.find((u) => u.email === email);
    const unit = (name: string) => units.find((u) => u.name === name);
    expect(units.map((u) => u.name).sort()).toEqual(['North', 'South']);
    expect(unit('North').headUserId).toBe(user('nora@example.test').id);
    expect(unit('South').headUserId).toBe(user('simon@example.test').id);
    for (const person of PEOPLE) {
      const made = user(person.email);
      expect({ email: person.email, name: made?.name, unitId: made?.unitId, active: made?.active }).toEqual({
        email: person.email,
        name: person.name,
        unitId: person.unit ? unit(person.unit).id : null,
        active: true,
      });
    }
    expect(user('sam@example.test').roles).toEqual([Role.Salesperson]);
    expect(user('nora@example.test').roles).toEqual([Role.SalesHead]);
    expect(user('lena@example.test')).toMatchObject({ roles: [Role.Legal], groups: ['legal'] });
    expect(user('arno@example.test')).toMatchObject({ roles: [Role.Accounting], groups: ['accounting'] });
    const lines = (await company.call(admin, 'GET', '/api/product-lines?limit=200')).items as any[];
    expect(lines.find((l) => l.name === 'Solar installations')).toMatchObject({
      cycleDays: { min: 60, max: 120 },
      stageLimitDays: {
        sampling: 10,
        primary_contact: 15,
        needs_identification: 15,
        offer_formation: 20,
        offer_defence: 10,
        contract: 20,
      },
      active: true,
    });
    const norms = (await company.call(admin, 'GET', '/api/analytics/settings/norms')) as any[];
    expect(norms.find((n) => n.norm === 'meetings_held').min).toBe(12);

    // A new salesperson logs in with the password the admin gave.
    const seller = await signIn(browser, company.baseUrl, { email: 'sam@example.test', password: STAFF_PASSWORD });
    await seller.page.getByRole('button', { name: 'Account menu for Sam Seller' }).waitFor();
    await seller.context.close();
  });

  it('speaks Hungarian on every page of the set-up and shows a refused form’s reason on its field', async () => {
    // An admin of its own (through the API), so this test needs nothing the other one made.
    const admin = await company.adminToken();
    const me = { email: 'hu.admin@example.test', password: 'Tulipan-Mozdony-Kavics-5063' };
    const made = await company.call(admin, 'POST', '/api/users', { ...me, name: 'Hajnal Admin', roles: [Role.Admin] });
    await company.call(await company.tokenOf(made.id), 'POST', '/api/units', {
      name: 'Kelet',
    });
    const { context, page } = await signIn(browser, company.baseUrl, me, 'hu');
    await page.goto('/admin');
    await page.waitForURL('**/admin/users');
    const pages: [string, string, string][] = [
      ['Felhasználók', 'Felhasználók', 'users'],
      ['Értékesítési egységek', 'Értékesítési egységek', 'units'],
      ['Termékvonalak', 'Termékvonalak', 'product-lines'],
      ['Normák és jelzések', 'Normák és korai jelzések', 'norms'],
      ['Elvesztési okok', 'Elvesztési okok', 'lost-reasons'],
    ];
    for (const [label, heading, name] of pages) {
      await section(page, label, heading, 'hu');
      await page.getByRole('status').filter({ hasText: 'Betöltés' }).first().waitFor({ state: 'detached' });
      await pointerAway(page);
      await expectAccessible(page, `${name} (hu)`);
      await screenshot(page, `admin-${name}-hu`);
    }

    // A taken e-mail: the server refuses, the form says why on the e-mail field, in Hungarian.
    await section(page, 'Felhasználók', 'Felhasználók', 'hu');
    await page.getByRole('button', { name: 'Új felhasználó' }).click();
    const drawer = page.getByRole('dialog', { name: 'Új felhasználó' });
    await drawer.getByRole('textbox', { name: 'Név' }).fill('Hajnal Másik');
    await drawer.getByRole('textbox', { name: 'E-mail-cím' }).fill(me.email.toUpperCase());
    await drawer.getByLabel(/^Kezdő jelszó/).fill('Borostyan-Hegyi-Patak-7741');
    await pickMany(drawer, page, 'Szerepkörök', ['Értékesítő']);
    await choice(drawer, 'Egység').click();
    await page.getByRole('option', { name: 'Kelet', exact: true }).click();
    await drawer.getByRole('button', { name: 'Felhasználó létrehozása' }).click();
    const email = drawer.getByRole('textbox', { name: 'E-mail-cím' });
    await drawer.getByText('Ez az e-mail-cím már egy másik felhasználóé.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const described = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${described.split(' ').find((id) => id.includes('error'))}"]`).innerText()).toBe(
      'Ez az e-mail-cím már egy másik felhasználóé.',
    );
    await expectAccessible(page, 'user form refused (hu)');
    await screenshot(page, 'admin-user-refused-hu');
    await context.close();
  });
});
