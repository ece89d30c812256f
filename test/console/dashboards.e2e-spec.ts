/// <reference lib="dom" />

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Role } from '@dealgate/domain';
import { queryOnce, waitFor } from '@dealgate/testing';
import { expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ADMIN, ConsoleWorld, approvedProspects, http, startConsoleWorld } from './support/console-world';
import { briefedProspect } from './support/deal-walk';
import { choice, loadersGone, pick, signIn, toastsGone } from './support/page-actions';

// The management dashboards in a real Chromium: a sales head plans the month, a deal is walked through the API, the
// head sees plan vs fact and the funnel move, drills down to the prospect and exports CSV; a salesperson and the head
// of another unit get the server's refusal, never this unit's figures.
jest.setTimeout(240_000);

const PASSWORD = 'Harbour-Violet-6194';
const month = new Date().toISOString().slice(0, 7);
const view = (tab: string) => `/dashboards?tab=${tab}&period=month&month=${month}`;

describe('console dashboards', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let south: { unitId: string; head: { email: string; password: string; id: string } };

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    // A second unit with its own head and salesperson, made by the admin.
    const admin = (await http(world.baseUrl, '', 'POST', '/api/auth/login', ADMIN)).body.accessToken as string;
    const unit = await world.call(admin, 'POST', '/api/units', { name: 'South' });
    const user = (key: string, name: string, roles: Role[]) =>
      world.call(admin, 'POST', '/api/users', {
        email: `${key}@example.test`,
        name,
        password: PASSWORD,
        roles,
        unitId: unit.id,
      });
    const head = await user('sid.southhead', 'Sid Southhead', [Role.SalesHead]);
    await user('sue.southseller', 'Sue Southseller', [Role.Salesperson]);
    await world.call(admin, 'PATCH', `/api/units/${unit.id}`, { version: unit.version, headUserId: head.id });
    await waitFor(
      async () =>
        (await queryOnce(world.db.url, 'SELECT 1 FROM prospects.directory_unit WHERE head_user_id = $1', [head.id]))
          .length === 1,
      { what: 'the South head in the prospects directory' },
    );
    // A prospect that entered its stage long ago: the stalled list has a row.
    const { prospects } = await approvedProspects(world, ['Epsilon Mills Zrt']);
    await queryOnce(
      world.db.url,
      `UPDATE prospects.prospect SET stage_entered_at = now() - interval '60 days' WHERE id = $1`,
      [prospects[0].id],
    );
    south = { unitId: unit.id, head: { email: 'sid.southhead@example.test', password: PASSWORD, id: head.id } };
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  /** Every tab of the dashboard passes axe and is photographed. */
  async function everyTab(page: Page, language: 'en' | 'hu', who: string) {
    const tabs: [string, string, string][] =
      language === 'en'
        ? [
            ['funnel', 'Funnel', 'Funnel by stage'],
            ['plan', 'Plan vs fact', 'Plan vs fact by stage'],
            ['norms', 'Norms', 'Norms'],
            ['stages', 'Time in stage', 'Cohorts by month of primary contact'],
            ['warnings', 'Early warnings', 'Early warnings'],
            ['forecast', 'Forecast', 'Forecast of signed contracts'],
          ]
        : [
            ['funnel', 'Tölcsér', 'Tölcsér szakaszonként'],
            ['plan', 'Terv és tény', 'Terv és tény szakaszonként'],
            ['norms', 'Normák', 'Normák'],
            ['stages', 'Szakaszban töltött idő', 'Kohorszok az első kapcsolatfelvétel hónapja szerint'],
            ['warnings', 'Korai figyelmeztetések', 'Korai figyelmeztetések'],
            ['forecast', 'Előrejelzés', 'Megkötött szerződések előrejelzése'],
          ];
    for (const [key, tab, region] of tabs) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('region', { name: region }).first().waitFor();
      await loadersGone(page);
      await expectAccessible(page, `dashboards ${key} ${who} (${language})`);
      await screenshot(page, `dashboards-${key}-${who}-${language}`);
    }
  }

  it('lets the head plan the month, see plan vs fact and the funnel move, drill down and export CSV', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.head);
    await page.goto(view('plan'));
    await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit the plan of Sam Seller' }).click();
    await page.getByRole('textbox', { name: 'Plan for Needs identification, Sam Seller' }).fill('2');
    await page.getByRole('textbox', { name: 'Plan for Commercial offer, Sam Seller' }).fill('3');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('The plan of Sam Seller is saved.').waitFor();
    const totals = page.getByRole('table', { name: 'Plan vs fact by stage' });
    const offerRow = totals.getByRole('row', { name: /Commercial offer/ });
    await offerRow.getByText('3 behind').waitFor();

    // A deal walked through the API: its brief completed, it enters the commercial offer stage.
    const deal = await briefedProspect(world, 'Delta Freight Kft');
    await page.reload();
    await offerRow.getByText('2 behind').waitFor();
    const people = page.getByRole('table', { name: 'Plan vs fact by salesperson' });
    await people
      .getByRole('row', { name: /Sam Seller/ })
      .getByText('1 / 3')
      .waitFor();
    await toastsGone(page);
    await everyTab(page, 'en', 'head');

    await page.getByRole('tab', { name: 'Funnel' }).click();
    const funnel = page.getByRole('table', { name: 'Funnel by stage' });
    await funnel.getByRole('link', { name: '1 prospect entered Commercial offer: show it' }).click();
    await page.getByRole('heading', { name: 'Prospects behind the figure', level: 1 }).waitFor();
    await page.getByText(/^Entered Commercial offer between/).waitFor();
    await page
      .getByRole('table', { name: 'Prospects behind the figure' })
      .getByRole('link', { name: deal.companyName })
      .waitFor();
    await expectAccessible(page, 'dashboards drill-down (en)');
    await screenshot(page, 'dashboards-drill-down-en');
    await page.getByRole('link', { name: deal.companyName }).click();
    await page.waitForURL(`**/prospects/${deal.prospectId}`);
    await page.getByRole('heading', { name: deal.companyName, level: 1 }).waitFor();

    await page.goto(view('funnel'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Funnel as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`funnel-${month}-01.csv`);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('section,stage,reason,count,rate,reason_label');
    expect(csv).toContain('reached,offer_formation,,1,');
    await context.close();
  });

  it('speaks Hungarian on every tab and on the drill-down page', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.head, 'hu');
    await page.goto(view('plan'));
    await page.getByRole('heading', { name: 'Kimutatások', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Sam Seller tervének szerkesztése' }).waitFor();
    await page.getByRole('button', { name: 'Terv és tény exportálása CSV-be' }).waitFor();
    await page.getByRole('tab', { name: 'Szakaszban töltött idő' }).click();
    await page
      .getByRole('table', { name: 'Elakadt érdeklődők' })
      .getByRole('link', { name: 'Epsilon Mills Zrt' })
      .waitFor();
    await everyTab(page, 'hu', 'head');
    await page.goto(`/dashboards/prospects?funnelEvent=lost&from=${month}-01&to=${month}-28&lostReason=no_budget`);
    await page.getByRole('heading', { name: 'A szám mögötti érdeklődők', level: 1 }).waitFor();
    // The reason in Hungarian (its seeded Hungarian label), not the English one.
    await page.getByText(/^Elveszett ezért: „Nincs rá keret”/).waitFor();
    await page.getByText('Ez mögött a szám mögött nincs olyan érdeklődő, akit láthatsz.').waitFor();
    await expectAccessible(page, 'dashboards drill-down empty (hu)');
    await screenshot(page, 'dashboards-drill-down-empty-hu');
    await context.close();
  });

  it('lets the owner pick a unit: the figures follow it, the URL keeps it and a shared URL opens the same view', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, world.owner);
    await page.goto(view('funnel'));
    const funnel = page.getByRole('table', { name: 'Funnel by stage' });
    const entered = funnel.getByRole('link', { name: /prospects? entered/ });
    // All units: North's approved prospects are counted.
    await entered.first().waitFor();
    await page.getByText('The figures of every unit for the period you choose.', { exact: false }).waitFor();

    await pick(page, 'Unit', 'South');
    await page.waitForURL((url) => url.searchParams.get('unit') === south.unitId);
    await page.getByText('The figures of the unit you picked for the period', { exact: false }).waitFor();
    await funnel.waitFor();
    await entered.first().waitFor({ state: 'detached' });
    expect(await entered.count()).toBe(0);
    await expectAccessible(page, 'dashboards owner south (en)');
    await screenshot(page, 'dashboards-funnel-owner-south-en');

    await pick(page, 'Unit', 'North');
    await page.waitForURL((url) => url.searchParams.get('unit') === world.unitId);
    await entered.first().waitFor();
    // The drill-down behind a figure keeps the unit too.
    expect(await entered.first().getAttribute('href')).toContain(`unitId=${world.unitId}`);
    const northUrl = page.url();
    const northCount = await entered.count();
    await screenshot(page, 'dashboards-funnel-owner-north-en');
    await context.close();

    // The URL shared with another owner's browser opens the same unit and the same figures.
    const shared = await signIn(browser, world.baseUrl, world.owner);
    await shared.page.goto(northUrl);
    await shared.page
      .getByRole('table', { name: 'Funnel by stage' })
      .getByRole('link', { name: /entered/ })
      .first()
      .waitFor();
    await waitFor(async () => (await choice(shared.page, 'Unit').inputValue()) === 'North', {
      what: 'North in the unit picker of the shared funnel view',
    });
    expect(
      await shared.page
        .getByRole('table', { name: 'Funnel by stage' })
        .getByRole('link', { name: /entered/ })
        .count(),
    ).toBe(northCount);
    await shared.page.goto(`${view('plan')}&unit=${south.unitId}`);
    await shared.page.getByRole('table', { name: 'Plan vs fact by stage' }).waitFor();
    // The picker shows the unit's name once the list of units has loaded.
    await waitFor(async () => (await choice(shared.page, 'Unit').inputValue()) === 'South', {
      what: 'South in the unit picker of the shared plan view',
    });
    expect(await shared.page.getByText('Sam Seller').count()).toBe(0);
    await shared.context.close();
  });

  it('shows a salesperson and the head of another unit no figures of this unit (the server refuses)', async () => {
    const seller = await signIn(browser, world.baseUrl, world.seller);
    await seller.page.goto(view('funnel'));
    await seller.page.getByRole('alert').getByText('These figures are not yours to see').waitFor();
    expect(await seller.page.getByRole('table').count()).toBe(0);
    await expectAccessible(seller.page, 'dashboards salesperson (en)');
    await screenshot(seller.page, 'dashboards-forbidden-salesperson-en');
    await seller.context.close();
    // The server's answer to the salesperson asking for a colleague's or the unit's figures.
    const funnel = `/api/analytics/funnel?from=${month}-01&to=${month}-28`;
    const asSeller = (path: string) => http(world.baseUrl, world.seller.token(), 'GET', path);
    expect((await asSeller(`${funnel}&salespersonId=${world.colleague.id}`)).status).toBe(404);
    expect((await asSeller(`${funnel}&unitId=${world.unitId}`)).body.scope.salespersonId).toBe(world.seller.id);

    const context = await newContext(browser, world.baseUrl, 'en');
    const page = await context.newPage();
    await logIn(page, south.head.email, south.head.password);
    await page.goto(`${view('funnel')}&unit=${world.unitId}`);
    await page.getByRole('alert').getByText('These figures are not yours to see').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.getByRole('tab', { name: 'Plan vs fact' }).click();
    await page.getByRole('alert').getByText('These figures are not yours to see').waitFor();
    expect(await page.getByText('Sam Seller').count()).toBe(0);
    await expectAccessible(page, 'dashboards other unit head (en)');
    await screenshot(page, 'dashboards-forbidden-other-head-en');
    // Their own unit's dashboard has none of North's figures either.
    await page.goto(view('funnel'));
    await page.getByRole('table', { name: 'Funnel by stage' }).waitFor();
    expect(await page.getByRole('link', { name: /entered/ }).count()).toBe(0);
    const drill = `/dashboards/prospects?funnelEvent=reached&funnelStage=offer_formation&from=${month}-01&to=${month}-28&unitId=${world.unitId}`;
    await page.goto(drill);
    await page.getByText('No prospect you may see is behind this figure.').waitFor();
    await screenshot(page, 'dashboards-drill-down-other-head-en');
    await context.close();
  });
});
