/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { waitFor } from '@dealgate/testing';
import { Language, expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ConsoleWorld, Person, approvedSample, draftSample, startConsoleWorld } from './support/console-world';
import { pointerAway } from './support/page-actions';

// Target samples in the console, in a real Chromium against the real system: the head builds a sample by hand and
// from a CSV file (progress and per-row report), submits it, the owner approves it, the head assigns its prospects.
jest.setTimeout(180_000);

/** Waits until the table's sample links made by the sort test read `expected`, in order (the list refetches). */
async function expectTitles(table: Locator, expected: string[]): Promise<void> {
  const titles = async () =>
    (await table.getByRole('link').allTextContents()).filter((title) => title.startsWith('Sorting: '));
  await waitFor(async () => JSON.stringify(await titles()) === JSON.stringify(expected), {
    timeoutMs: 30_000,
    what: `the order ${expected.join(', ')}`,
  }).catch(() => undefined);
  expect(await titles()).toEqual(expected);
}

const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');

describe('console target samples', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await world?.stop();
  });

  async function signedIn(who: Person, language: Language = 'en'): Promise<Page> {
    const context = await newContext(browser, world.baseUrl, language);
    contexts.push(context);
    // The machine may be busy (other suites): more patience than the kit's 15 s.
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    await logIn(page, who.email, who.password, language);
    return page;
  }

  async function importFile(page: Page, name: string, buffer: Buffer, button: string): Promise<void> {
    await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.getByRole('button', { name: button, exact: true }).click();
  }

  it('shows the empty list with what a sample is, in both languages', async () => {
    // A head whose unit has no sample yet.
    const newHead = await world.headOfNewUnit('nora.new', 'Nora New');
    const page = await signedIn(newHead);
    await page.getByRole('link', { name: 'Samples' }).click();
    await page.getByRole('heading', { name: 'Target samples' }).waitFor();
    await page.getByText('No samples yet.').waitFor();
    await page.getByText('A sample is the owner-approved list of companies you will contact.').waitFor();
    // Away from the link just clicked (a hovered link is not what the page looks like).
    await pointerAway(page);
    await expectAccessible(page, 'samples list, empty (en)');
    await screenshot(page, 'samples-empty-en');

    const hu = await signedIn(newHead, 'hu');
    await hu.goto('/samples');
    await hu.getByText('Még nincs célminta.').waitFor();
    await expectAccessible(hu, 'samples list, empty (hu)');
    await screenshot(hu, 'samples-empty-hu');
  });

  it('shows the server’s sentence when the list cannot load', async () => {
    const page = await signedIn(world.head);
    await page.route('**/api/samples?*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"statusCode":503,"code":"unavailable","message":"The funnel service is not answering."}',
      }),
    );
    await page.goto('/samples');
    await page.getByRole('alert').getByText('Something went wrong: The funnel service is not answering.').waitFor();
    await screenshot(page, 'samples-error-en');
  });

  it('creates a sample, adds a company by hand and imports a CSV file with a per-row report', async () => {
    const page = await signedIn(world.head);
    await page.goto('/samples');
    await page.getByRole('link', { name: 'New sample' }).first().click();
    await page.getByRole('heading', { name: 'New target sample' }).waitFor();

    // What is missing is said at each field; the server's refusal too (a rationale of blanks is no rationale).
    await page.getByRole('button', { name: 'Create the draft' }).click();
    expect(await page.getByText('Required', { exact: true }).count()).toBe(3);
    await page.getByRole('combobox', { name: 'Product line' }).click();
    await page.getByRole('option', { name: 'Software' }).click();
    await page.getByLabel(/^Title/).fill('Food distributors in Pest county');
    await page.getByLabel(/^Segment rationale/).fill('   ');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByText('State the segment criteria and why these companies.').waitFor();
    await expectAccessible(page, 'new sample with errors (en)');
    await screenshot(page, 'sample-new-errors-en');

    await page
      .getByLabel(/^Segment rationale/)
      .fill(
        'Food distributors with 50–250 staff in Pest county still take orders by phone and e-mail; our ordering portal cuts their order errors. Chosen from the chamber of commerce list, filtered by size.',
      );
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.waitForURL(/\/samples\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Food distributors in Pest county' }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();
    await page.getByText('No companies yet. Add them one by one or import a CSV file.').waitFor();

    // By hand: one company.
    await page.getByRole('textbox', { name: /^Company name/ }).fill('Alpha Foods Kft');
    await page.getByRole('textbox', { name: 'Tax id', exact: true }).fill('11223344-2-13');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('table', { name: 'Companies of the sample' }).getByText('Alpha Foods Kft').waitFor();
    await page.getByRole('heading', { name: 'Companies (1)' }).waitFor();

    // A CSV file with a BOM and semicolons: three new, a company already in the sample, a repeated row, a bad tax id.
    await importFile(
      page,
      'distributors.csv',
      csv([
        'name;tax_id;website',
        'Beta Trade Zrt;12345678-2-42;beta-trade.example',
        'Gamma Bt;;https://www.gamma.example',
        'ALPHA FOODS KFT;;',
        'Delta Kft;12;',
        '',
        'Beta Trade Zrt;;',
        'Epsilon Logistics Kft;87654321;epsilon.example',
      ]),
      'Import',
    );
    await page.getByText('Import finished: 6 of 6 rows sent').waitFor();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    const totals = page.getByRole('group', { name: 'Totals' });
    for (const text of ['Rows: 6', 'Accepted: 3', 'Duplicates: 2', 'Rejected: 1'])
      await totals.getByText(text, { exact: true }).waitFor();
    const report = page.getByRole('table', { name: 'Every row of the file with what the server decided' });
    const row = (n: number) =>
      report.getByRole('row').filter({ has: page.getByRole('cell', { name: String(n), exact: true }) });
    await row(2).getByText('Accepted').waitFor();
    await row(4).getByText('Duplicate', { exact: true }).waitFor();
    await row(4).getByText('Already in the funnel or in this sample (same company name).').waitFor();
    await row(5).getByText('Rejected').waitFor();
    await row(5).getByText('“12” does not look like a tax id', { exact: false }).waitFor();
    // The blank line 6 is skipped; line 7 repeats line 2.
    await row(7).getByText('Repeats row 2 of the file (same company name).').waitFor();
    await page.getByRole('heading', { name: 'Companies (4)' }).waitFor();
    await expectAccessible(page, 'sample with import report (en)');
    await screenshot(page, 'sample-import-en');

    // A file where no row is accepted: the server's 422 sentence and the report; nothing added.
    await importFile(page, 'again.csv', csv(['company,vat', 'Gamma Bt,', ',99887766']), 'Import');
    await page
      .getByRole('alert')
      .getByText(/^Nothing was added\. None of the 2 companies was accepted/)
      .waitFor();
    await page.getByRole('group', { name: 'Totals' }).getByText('Accepted: 0', { exact: true }).waitFor();
    await page.getByText('The company name is required.').waitFor();
    await page.getByRole('heading', { name: 'Companies (4)' }).waitFor();
    await screenshot(page, 'sample-import-none-en');

    // A file without a name column is refused before anything is sent.
    await importFile(page, 'wrong.csv', csv(['title,website', 'Zeta,zeta.example']), 'Import');
    await page.getByRole('alert').getByText('The header row must have a “name” column', { exact: false }).waitFor();
  });

  it('shows the import report in Hungarian', async () => {
    const { sample } = await draftSample(world, [
      'Alpha Foods Kft',
      'Beta Trade Zrt',
      'Gamma Bt',
      'Epsilon Logistics Kft',
    ]);
    const page = await signedIn(world.head, 'hu');
    await page.goto(`/samples/${sample.id}`);
    await page.getByRole('heading', { name: 'Cégek (4)' }).waitFor();
    await page.getByText('A szegmens indoklása').first().waitFor();
    await importFile(
      page,
      'pest.csv',
      csv(['name;tax_id;website', 'Zeta Élelmiszer Kft;55667788;zeta.example', 'Gamma Bt;;', 'Eta Kft;;nem weboldal']),
      'Importálás',
    );
    await page.getByText('Az importálás kész: 3 sorból 3 elküldve').waitFor();
    const totals = page.getByRole('group', { name: 'Összesítés' });
    for (const text of ['Sorok: 3', 'Elfogadva: 1', 'Ismétlődő: 1', 'Elutasítva: 1'])
      await totals.getByText(text, { exact: true }).waitFor();
    await page.getByText('Már szerepel a tölcsérben vagy ebben a célmintában (azonos cégnév).').waitFor();
    await page.getByText('„nem weboldal” nem weboldalcím.').waitFor();
    await page.getByRole('heading', { name: 'Cégek (5)' }).waitFor();
    await expectAccessible(page, 'sample with import report (hu)');
    await screenshot(page, 'sample-import-hu');
  });

  it('removes a company from the draft and submits it for the owner’s approval', async () => {
    const { sample } = await draftSample(world, [
      'Alpha Foods Kft',
      'Beta Trade Zrt',
      'Gamma Bt',
      'Epsilon Logistics Kft',
      'Zeta Élelmiszer Kft',
    ]);
    const page = await signedIn(world.head);
    await page.goto(`/samples/${sample.id}`);
    await page.getByRole('heading', { name: 'Companies (5)' }).waitFor();
    await page.getByRole('button', { name: 'Remove Zeta Élelmiszer Kft' }).click();
    await page.getByRole('heading', { name: 'Companies (4)' }).waitFor();
    await page.getByRole('button', { name: 'Submit for the owner’s approval' }).click();
    await page.getByText('Waiting for the owner', { exact: true }).waitFor();
    await page.getByText(/^Waiting for the owner’s approval since/).waitFor();
    // Draft-only actions are gone.
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Submit for the owner’s approval' }).count()).toBe(0);
    await expectAccessible(page, 'sample waiting for the owner (en)');
    await screenshot(page, 'sample-pending-en');
  });

  it('lets the head assign the approved sample’s prospects in bulk; the salesperson then has them', async () => {
    const { call, head, seller } = world;
    const companies = ['Alpha Foods Kft', 'Beta Trade Zrt', 'Epsilon Logistics Kft', 'Gamma Bt'];
    const { sample } = await approvedSample(world, companies);
    const sampleId = sample.id as string;
    const sampleUrl = `/samples/${sampleId}`;

    const page = await signedIn(head);
    await page.goto(sampleUrl);
    await page.getByText('Approved', { exact: true }).first().waitFor();
    const table = page.getByRole('table', { name: 'Prospects of the sample with their salesperson' });
    await table.getByText('Epsilon Logistics Kft').waitFor();
    expect(await table.getByText('Not assigned').count()).toBe(4);
    await expectAccessible(page, 'approved sample, assignment (en)');
    await screenshot(page, 'sample-assign-before-en');

    await page.getByRole('checkbox', { name: 'Select all prospects on this page' }).check();
    await page.getByRole('combobox', { name: 'Salesperson' }).click();
    await page.getByRole('option', { name: seller.name }).click();
    await page.getByRole('button', { name: 'Assign selected (4)' }).click();
    await page.getByText(`4 prospects assigned to ${seller.name}.`).waitFor();
    await waitFor(async () => (await table.getByText(seller.name).count()) === 4, { what: 'the owner column' });
    expect(await table.getByText('Not assigned').count()).toBe(0);
    await expectAccessible(page, 'approved sample, assigned (en)');
    await screenshot(page, 'sample-assign-en');

    const hu = await signedIn(head, 'hu');
    await hu.goto(sampleUrl);
    await hu
      .getByRole('table', { name: 'A célminta potenciális ügyfelei az értékesítőjükkel' })
      .getByText(seller.name)
      .first()
      .waitFor();
    await expectAccessible(hu, 'approved sample, assigned (hu)');
    await screenshot(hu, 'sample-assign-hu');

    // The salesperson logs in and has the four prospects.
    const sellerPage = await signedIn(seller);
    await sellerPage.getByRole('button', { name: `Account menu for ${seller.name}` }).waitFor();
    const mine = await call(seller, 'GET', `/api/prospects?sampleId=${sampleId}&limit=100`);
    expect(mine.items.map((p: any) => p.companyName).sort()).toEqual(companies);
    expect(mine.items.every((p: any) => p.ownerId === seller.id)).toBe(true);
  });

  it('lists the samples with their status, filtered in the URL', async () => {
    // A unit of its own: its one sample is approved, so the draft filter finds none.
    const listHead = await world.headOfNewUnit('lili.list', 'Lili List');
    await approvedSample(world, ['Theta Foods Kft'], { author: listHead, title: 'Food distributors in Pest county' });
    const page = await signedIn(listHead);
    await page.goto('/samples');
    const table = page.getByRole('table', { name: 'Target samples' });
    await table.getByRole('link', { name: 'Food distributors in Pest county' }).waitFor();
    await table.getByText('Approved').waitFor();
    await expectAccessible(page, 'samples list (en)');
    await screenshot(page, 'samples-list-en');
    await page.getByText('Draft', { exact: true }).click();
    await page.waitForURL(/status=draft/);
    await page.getByText('No sample has this status.').waitFor();

    const hu = await signedIn(listHead, 'hu');
    await hu.goto('/samples');
    await hu.getByRole('table', { name: 'Célminták' }).getByText('Jóváhagyva').waitFor();
    await expectAccessible(hu, 'samples list (hu)');
    await screenshot(hu, 'samples-list-hu');
  });

  it('sorts the list by a column header, both ways, with the sort in the URL', async () => {
    const { call, head } = world;
    const line = (await call(head, 'GET', '/api/product-lines')).items[0];
    // Written in this order with these many companies: the default (latest change first) and each sort differ.
    const made = [
      ['Sorting: Millers', 3],
      ['Sorting: bakers', 1],
      ['Sorting: Coopers', 2],
    ] as const;
    for (const [title, count] of made) {
      const sample = await call(head, 'POST', '/api/samples', { productLineId: line.id, title, rationale: 'Crafts' });
      await call(head, 'POST', `/api/samples/${sample.id}/companies`, {
        companies: Array.from({ length: count }, (_, i) => ({ name: `${title} ${i + 1} Kft` })),
      });
    }
    const page = await signedIn(head);
    await page.goto('/samples');
    const table = page.getByRole('table', { name: 'Target samples' });
    const order = (expected: string[]) => expectTitles(table, expected);
    const header = (name: string) => table.getByRole('columnheader', { name });

    await order(['Sorting: Coopers', 'Sorting: bakers', 'Sorting: Millers']);
    expect(await header('Last change').getAttribute('aria-sort')).toBe('descending');
    expect(await header('Title').getAttribute('aria-sort')).toBe('none');

    await header('Title').getByRole('button').click();
    await page.waitForURL(/sort=title/);
    await order(['Sorting: bakers', 'Sorting: Coopers', 'Sorting: Millers']);
    expect(await header('Title').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Last change').getAttribute('aria-sort')).toBe('none');

    // The keyboard sorts too: the same header again turns the order round.
    await header('Title').getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=-title/);
    await order(['Sorting: Millers', 'Sorting: Coopers', 'Sorting: bakers']);
    expect(await header('Title').getAttribute('aria-sort')).toBe('descending');
    await expectAccessible(page, 'samples list sorted (en)');
    await screenshot(page, 'samples-list-sorted-en');

    await header('Companies').getByRole('button').click();
    await page.waitForURL(/sort=companyCount/);
    await order(['Sorting: bakers', 'Sorting: Coopers', 'Sorting: Millers']);

    // A shared link opens the same order.
    const hu = await signedIn(head, 'hu');
    await hu.goto('/samples?sort=-companyCount');
    const huTable = hu.getByRole('table', { name: 'Célminták' });
    await expectTitles(huTable, ['Sorting: Millers', 'Sorting: Coopers', 'Sorting: bakers']);
    expect(await huTable.getByRole('columnheader', { name: 'Cégek' }).getAttribute('aria-sort')).toBe('descending');
    await screenshot(hu, 'samples-list-sorted-hu');
  });
});
