/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { waitFor } from '@dealgate/testing';
import type { Browser } from 'playwright-core';
import { Language, expectAccessible, launchChromium, screenshot } from './support/browser';
import { ConsoleWorld, Person, approvedProspects, startConsoleWorld } from './support/console-world';
import { handedOverCase } from './support/deal-walk';
import {
  choice,
  openProspect,
  pick,
  pointerAway,
  signIn,
  stageBadge,
  toastsGone,
  waitForToast,
} from './support/page-actions';

// A salesperson works one prospect in a real Chromium against the real system, from the board to the handoff.
jest.setTimeout(480_000);

const SECTIONS = [
  'Current situation',
  'What and where they buy today',
  'What satisfies them',
  'What does not satisfy them',
  'Development plans',
  'Market trends affecting them',
];

/** Today in the calendar's own words (its day buttons are labelled "1 December 2026"). */
function todayLabel(): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
}

describe('the salesperson’s board and prospect page', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let prospectId: string;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    const { prospects } = await approvedProspects(world, ['Acme Distribution']);
    prospectId = prospects[0].id;
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  const signedIn = (who: Person, language: Language = 'en', viewport?: { width: number; height: number }) =>
    signIn(browser, world.baseUrl, who, language, viewport);

  it('shows an empty board that says where prospects come from', async () => {
    const { context, page } = await signedIn(world.colleague);
    await page.goto('/board');
    await page.getByText('No prospects yet: your head assigns them from an approved sample.').waitFor();
    await expectAccessible(page, 'board, empty');
    await screenshot(page, 'board-empty-en');
    await context.close();
  });

  it('walks a prospect from primary contact to the handoff, each move on its result', async () => {
    const { context, page } = await signedIn(world.seller);

    // The board: the approved sample's prospect in the first column, naming what the stage still needs.
    await page.getByRole('link', { name: 'My board', exact: true }).click();
    await pointerAway(page);
    const primary = page.getByRole('region', { name: 'Primary contact' });
    await primary.getByRole('link', { name: 'Acme Distribution' }).waitFor();
    await primary.getByText('Next: No decision-maker among the contacts').waitFor();
    expect(await primary.getByLabel('1 prospect').textContent()).toBe('1');
    await expectAccessible(page, 'board');
    await screenshot(page, 'board-en');

    // The prospect page.
    await openProspect(primary, page, 'Acme Distribution');
    await stageBadge(page, 'Primary contact');
    await page.getByText('Meeting with a decision-maker not scheduled').first().waitFor();
    await expectAccessible(page, 'prospect page');
    await screenshot(page, 'prospect-en');

    // A contact attempt is logged; it does not move the stage.
    await page.getByRole('tab', { name: 'Contacts and meetings' }).click();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('activity');
    await pick(page, /^Outcome/, 'Reached');
    await page.getByRole('button', { name: 'Log attempt' }).click();
    await waitForToast(page, 'Contact attempt logged');
    await page.getByRole('cell', { name: 'Reached' }).waitFor();
    await stageBadge(page, 'Primary contact');

    // A decision-maker: the reason is asked for, and the server's answer lands in the list.
    await page.getByRole('textbox', { name: /^Name/ }).fill('Dana Moss');
    await page.getByRole('textbox', { name: 'Position' }).fill('COO');
    await page.getByRole('checkbox', { name: /^Decision-maker/ }).check();
    await page.getByRole('button', { name: 'Add contact' }).click();
    await page.getByText('Required').first().waitFor();
    await page.getByRole('textbox', { name: /^Why this person decides/ }).fill('Signs supply contracts');
    await page.getByRole('button', { name: 'Add contact' }).click();
    await waitForToast(page, 'Contact added');
    await page.getByText('Signs supply contracts').waitFor();
    await page.getByText('Meeting with a decision-maker not scheduled').first().waitFor();
    await toastsGone(page);
    await expectAccessible(page, 'contacts and meetings');
    await screenshot(page, 'activity-en');

    // The meeting with the decision-maker finishes primary contact.
    await pick(page, /^With/, 'Dana Moss (decision-maker)');
    await page.getByRole('button', { name: /^Date and time/ }).click();
    await page.getByRole('button', { name: todayLabel(), exact: true }).click();
    await page.getByRole('button', { name: 'Confirm date and time' }).click();
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await waitForToast(page, 'Meeting scheduled');
    await stageBadge(page, 'Needs identification');
    await page.getByText('No meeting held yet').first().waitFor();

    // The board agrees.
    await page.getByRole('link', { name: 'Back to my board' }).click();
    const needs = page.getByRole('region', { name: 'Needs identification' });
    await needs.getByRole('link', { name: 'Acme Distribution' }).waitFor();
    await needs.getByText('Next: No meeting held yet').waitFor();
    await page.goBack();

    // The meeting is held.
    await page
      .getByRole('group', { name: /^Actions for the meeting/ })
      .getByRole('button', { name: 'Mark held' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark the meeting held' }).click();
    await waitForToast(page, 'Meeting marked held');
    await page.getByText('Held', { exact: true }).waitFor();

    // The brief: a draft first (the checklist shows what is left), then complete.
    await page.getByRole('tab', { name: 'Brief' }).click();
    for (const label of SECTIONS.slice(0, 3)) {
      await page.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(`Notes on ${label.toLowerCase()}`);
    }
    await page.getByRole('button', { name: 'Save draft' }).click();
    await waitForToast(page, 'Brief saved');
    await page.getByText('3 of 7 required parts written').waitFor();
    await toastsGone(page);
    await expectAccessible(page, 'brief');
    await screenshot(page, 'brief-en');
    for (const label of SECTIONS.slice(3)) {
      await page.getByRole('textbox', { name: new RegExp(`^${label}`) }).fill(`Notes on ${label.toLowerCase()}`);
    }
    await page.getByRole('textbox', { name: 'Need 1' }).fill('Order online instead of by phone');
    await page.getByRole('button', { name: 'Complete the brief' }).click();
    await waitForToast(page, 'Brief completed: the prospect moves on to the commercial offer');
    await stageBadge(page, 'Commercial offer');

    // The offer answers the brief's need, and goes to the head.
    await page.getByRole('tab', { name: 'Offer' }).click();
    await page.getByRole('textbox', { name: /^Product code/ }).fill('portal');
    await page.getByRole('textbox', { name: /^Description/ }).fill('Ordering portal');
    // Under the owner's threshold (1,000,000), so the unit's head alone approves it.
    await page.getByRole('textbox', { name: /^Unit price/ }).fill('450000');
    await choice(page, 'Needs it answers').click();
    await page.getByRole('option', { name: 'Order online instead of by phone' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Delivery', exact: true }).fill('Go-live in six weeks');
    await page.getByRole('button', { name: 'Draft the offer' }).click();
    await waitForToast(page, 'Offer saved');
    await page.getByTestId('offer-status').getByText('Draft').waitFor();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await waitForToast(page, 'Offer submitted for approval');
    await page.getByTestId('offer-status').getByText('Waiting for approval').waitFor();
    await page.getByText('Offer submitted for approval').first().waitFor();
    await toastsGone(page);
    await expectAccessible(page, 'offer');
    await screenshot(page, 'offer-en');

    // The head approves it (through the API here; approvals has its own page).
    const [offer] = await world.call(world.seller, 'GET', `/api/prospects/${prospectId}/offers`);
    expect(offer.items[0].needIds).toHaveLength(1);
    const pending = await waitFor(
      async () =>
        (await world.call(world.head, 'GET', '/api/approvals/pending')).items.find(
          (i: any) => i.subjectId === offer.id,
        ),
      { what: 'the offer in the head’s approvals', timeoutMs: 90_000 },
    );
    const detail = await world.call(world.head, 'GET', `/api/approvals/${pending.id}`);
    await world.call(world.head, 'POST', `/api/approvals/${pending.id}/approve`, {
      stepIndex: detail.currentStepIndex ?? 0,
    });
    await waitFor(
      async () =>
        (await world.call(world.seller, 'GET', `/api/prospects/${prospectId}`)).stage === 'offer_defence' || null,
      { what: 'the prospect at offer defence', timeoutMs: 90_000 },
    );
    await page.reload();
    await stageBadge(page, 'Offer defence');
    await page.getByTestId('offer-status').getByText('Approved').waitFor();

    // An e-mail is not a defence: the server says so, in its own sentence.
    const defence = page.getByRole('form', { name: 'Offer defence' });
    await pick(page, /^Channel/, 'E-mail');
    await choice(defence, /^Attendees/).click();
    await page.getByRole('option', { name: 'Dana Moss (decision-maker)' }).click();
    await page.keyboard.press('Escape');
    await pick(page, /^Outcome/, /^Accepted/);
    await defence.getByRole('button', { name: 'Record the defence' }).click();
    const refusal = defence.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('never defended by e-mail');
    await screenshot(page, 'defence-refused-en');

    // A video call where they said "we are satisfied" is; the salesperson leaves the deal.
    await pick(page, /^Channel/, 'Video call');
    await defence.getByRole('button', { name: 'Record the defence' }).click();
    await waitForToast(page, 'Defence recorded');
    await stageBadge(page, 'Contract');
    await page.getByText('Read only: the salesperson left the deal after the defence').waitFor();
    expect(await page.getByRole('button', { name: 'Mark as lost' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Submit for approval' }).count()).toBe(0);

    // The overview: the stage history names each step and who took it (the server's names; "you" for the reader),
    // and the contract case's progress.
    await page.getByRole('tab', { name: 'Overview' }).click();
    const history = page.getByTestId('stage-history');
    await history.getByText('Offer defence → Contract').waitFor();
    const steps = await history.locator('.mantine-Timeline-item').allInnerTexts();
    expect(steps).toHaveLength(5);
    const me = `by ${world.seller.name} (you)`;
    const expected: [string, string, string][] = [
      ['Sample approved', 'Target sample → Primary contact', `by ${world.owner.name}`],
      ['Meeting with a decision-maker scheduled', 'Primary contact → Needs identification', me],
      ['Brief completed', 'Needs identification → Commercial offer', me],
      ['Offer approved', 'Commercial offer → Offer defence', `by ${world.head.name}`],
      ['Defence recorded', 'Offer defence → Contract', me],
    ];
    expected.forEach(([event, move, actor], index) => {
      expect(steps[index]).toContain(event);
      expect(steps[index]).toContain(move);
      expect(steps[index]).toContain(actor);
    });
    await page
      .getByRole('region', { name: 'Contract case' })
      .getByText(/required tasks done/)
      .waitFor();
    await toastsGone(page);
    await expectAccessible(page, 'prospect after the handoff');
    await screenshot(page, 'prospect-handoff-en');
    await context.close();
  });

  it('shows the board and the prospect page in Hungarian', async () => {
    // A deal of its own, walked to the handoff through the API, so this test needs nothing the walk above did.
    const { companyName } = await handedOverCase(world, 'Duna Fogaskerék Kft.');
    const { context, page } = await signedIn(world.seller, 'hu');
    await page.goto('/board');
    await page.getByRole('heading', { name: 'Saját tábla' }).waitFor();
    await page.getByRole('link', { name: companyName }).waitFor();
    await expectAccessible(page, 'board (hu)');
    await screenshot(page, 'board-hu');
    await openProspect(page, page, companyName);
    const history = page.getByTestId('stage-history');
    await history.getByText(`rögzítette: ${world.head.name}`).waitFor();
    await history.getByText(`rögzítette: ${world.seller.name} (te)`).first().waitFor();
    await expectAccessible(page, 'prospect page (hu)');
    await screenshot(page, 'prospect-hu');
    await page.getByRole('tab', { name: 'Igényfelmérés' }).click();
    await page.getByRole('textbox', { name: /^Jelenlegi helyzet/ }).waitFor();
    await expectAccessible(page, 'brief (hu)');
    await screenshot(page, 'brief-hu');
    await page.getByRole('tab', { name: 'Ajánlat' }).click();
    await page.getByText('Az ügyfél elfogadta').first().waitFor();
    await expectAccessible(page, 'offer (hu)');
    await screenshot(page, 'offer-hu');
    await context.close();
  });

  it('fits the board on a phone', async () => {
    await approvedProspects(world, ['Borsod Bearings', 'Csepel Cables']);
    const { context, page } = await signedIn(world.seller, 'en', { width: 390, height: 844 });
    await page.goto('/board');
    await page.getByRole('link', { name: 'Borsod Bearings' }).waitFor();
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'board (phone)');
    await screenshot(page, 'board-phone-en');
    await page.getByRole('switch', { name: 'Only stalled' }).click();
    await page.waitForURL((url) => url.searchParams.get('stalled') === 'true');
    await page.getByText('No prospect matches these filters.').waitFor();
    await context.close();
  });
});
