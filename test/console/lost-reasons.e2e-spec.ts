/// <reference lib="dom" />

import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { expectAccessible, launchChromium, screenshot } from './support/browser';
import { ADMIN, ConsoleWorld, approvedProspects, startConsoleWorld } from './support/console-world';
import { pick, pointerAway, signIn, toastsGone, waitForToast } from './support/page-actions';

// Lost reasons in the reader's language: the admin edits a reason's English and Hungarian labels; the lost dialog,
// the prospect's read-only notice, the funnel's "lost by reason" and its CSV show the label of the console's language.
jest.setTimeout(240_000);

const month = new Date().toISOString().slice(0, 7);

describe('console lost reasons in English and Hungarian', () => {
  let world: ConsoleWorld;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('lets the admin add a reason with both labels and give a default one its Hungarian label', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, ADMIN);
    await page.goto('/admin/lost-reasons');
    const form = page.getByRole('region', { name: 'New reason' });
    await form.getByRole('textbox', { name: 'Reason in English' }).fill('Too expensive');
    await form.getByRole('textbox', { name: 'Reason in Hungarian' }).fill('Túl drága');
    await form.getByRole('textbox', { name: 'Code' }).fill('too_expensive');
    await form.getByRole('button', { name: 'Add reason' }).click();
    await waitForToast(page, 'The reason “Too expensive” is added.');
    const table = page.getByRole('table', { name: 'Lost reasons' });
    await table.getByRole('row', { name: /Too expensive Túl drága too_expensive/ }).waitFor();

    // A default reason the admin relabels in Hungarian.
    await page.getByRole('button', { name: 'Edit “No response”' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit “No response”' });
    await dialog.getByRole('textbox', { name: 'Reason in Hungarian' }).fill('Nem jelentkezett');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await waitForToast(page, 'The reason “No response” is saved.');
    await table.getByRole('row', { name: /No response Nem jelentkezett/ }).waitFor();
    await toastsGone(page);
    await pointerAway(page);
    await expectAccessible(page, 'lost reasons both labels (en)');
    await screenshot(page, 'lost-reasons-admin-en');
    await context.close();

    const hu = await signIn(browser, world.baseUrl, ADMIN, 'hu');
    await hu.page.goto('/admin/lost-reasons');
    const huTable = hu.page.getByRole('table', { name: 'Elvesztési okok' });
    await huTable.getByRole('row', { name: /Too expensive Túl drága/ }).waitFor();
    await hu.page.getByRole('button', { name: '„Túl drága” szerkesztése' }).waitFor();
    await pointerAway(hu.page);
    await expectAccessible(hu.page, 'lost reasons both labels (hu)');
    await screenshot(hu.page, 'lost-reasons-admin-hu');
    await hu.context.close();
  });

  it('shows the reason in the reader’s language in the lost dialog, on the prospect, in the funnel and its CSV', async () => {
    const { prospects } = await approvedProspects(world, ['Iota Textil Kft']);
    const seller = await signIn(browser, world.baseUrl, world.seller, 'hu');
    await seller.page.goto(`/prospects/${prospects[0].id}`);
    await seller.page.getByRole('heading', { name: 'Iota Textil Kft', level: 1 }).waitFor();
    await seller.page.getByRole('button', { name: 'Elveszettnek jelöl' }).click();
    const dialog = seller.page.getByRole('dialog', { name: 'Az érdeklődő elveszettnek jelölése' });
    await pick(seller.page, 'Ok', 'Versenytársat választott');
    await expectAccessible(seller.page, 'lose dialog (hu)');
    await screenshot(seller.page, 'lost-reasons-lose-dialog-hu');
    await dialog.getByRole('button', { name: 'Elveszettnek jelöl' }).click();
    await seller.page.getByText('Csak olvasható: ez az érdeklődő elveszett (Versenytársat választott).').waitFor();
    await seller.page.getByText('Ok: Versenytársat választott').waitFor();
    await toastsGone(seller.page);
    await screenshot(seller.page, 'lost-reasons-prospect-hu');
    await seller.context.close();

    const head = await signIn(browser, world.baseUrl, world.head, 'hu');
    await head.page.goto(`/dashboards?tab=funnel&period=month&month=${month}`);
    const lostHu = head.page.getByRole('table', { name: 'Elvesztett érdeklődők okonként és szakaszonként' });
    await lostHu.getByRole('row', { name: /^Versenytársat választott/ }).waitFor();
    await expectAccessible(head.page, 'funnel lost by reason (hu)');
    await screenshot(head.page, 'lost-reasons-funnel-hu');
    const [download] = await Promise.all([
      head.page.waitForEvent('download'),
      head.page.getByRole('button', { name: 'Tölcsér exportálása CSV-be' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8').split('\r\n');
    expect(csv[0]).toBe('section,stage,reason,count,rate,reason_label');
    expect(csv.find((line) => line.startsWith('lost,'))).toMatch(/,chose_competitor,1,.*,Versenytársat választott$/);
    // The same view after the switch to English: the English label.
    await head.page.getByText('EN', { exact: true }).click();
    await head.page
      .getByRole('table', { name: 'Lost by reason and stage' })
      .getByRole('row', { name: /^Chose a competitor/ })
      .waitFor();
    await screenshot(head.page, 'lost-reasons-funnel-en');
    await head.context.close();
  });
});
