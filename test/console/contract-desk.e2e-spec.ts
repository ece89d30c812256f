/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { waitFor } from '@dealgate/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Language, expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ConsoleWorld, Person, http, startConsoleWorld } from './support/console-world';
import { CaseWalk, approveThrough, handedOverCase } from './support/deal-walk';

// Legal and accounting work a handed-over deal's contract case in a real Chromium against the real system: the
// task graph in dependency order, a term change approved by the head, the signature; the salesperson only watches.
jest.setTimeout(600_000);

const COMPANY = 'Birch Logistics';

async function signedIn(browser: Browser, world: ConsoleWorld, who: Person, language: Language = 'en', width = 1366) {
  const context: BrowserContext = await newContext(browser, world.baseUrl, language, { width, height: 860 });
  const page = await context.newPage();
  await logIn(page, who.email, who.password, language);
  return { context, page };
}

/** Toasts fade after a few seconds; axe and the screenshots judge the page under them. */
async function settled(page: Page) {
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 20_000 });
}

async function check(page: Page, what: string, shot: string) {
  // The pointer rests where the last click left it; a hovered link is not what axe should judge.
  await page.mouse.move(5, 850);
  await settled(page);
  await expectAccessible(page, what);
  await screenshot(page, shot);
}

const row = (page: Page, key: string) =>
  page.getByRole('table', { name: 'Tasks of the case' }).locator(`tr[data-task="${key}"]`);

/** Claims and completes a task from the case page's table, with a result. */
async function claimAndComplete(page: Page, key: string, title: string) {
  await row(page, key)
    .getByRole('button', { name: `Claim “${title}”` })
    .click();
  await row(page, key)
    .getByRole('button', { name: `Complete “${title}”` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Complete “${title}”` });
  await dialog.getByRole('textbox', { name: /^Result/ }).fill(`${title}: done, filed in the DMS`);
  await dialog.getByRole('button', { name: 'Mark done' }).click();
  await dialog.waitFor({ state: 'detached' });
  await row(page, key).getByText('Done', { exact: true }).waitFor();
}

describe('the contract desk', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let walk: CaseWalk;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
    walk = await handedOverCase(world, COMPANY);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('legal and accounting work the task graph in order, change the terms, get them approved and sign', async () => {
    const caseId: string = walk.contractCase.id;
    const lawyer = await signedIn(browser, world, world.lawyer);
    const accountant = await signedIn(browser, world, world.accountant);
    const page = lawyer.page;

    // The case list: the new case, due soonest first; a filter for signed cases shows the filtered empty state.
    await page.getByRole('link', { name: 'Contract cases', exact: true }).click();
    const list = page.getByRole('table', { name: 'Contract cases' });
    await list.getByRole('link', { name: COMPANY }).waitFor();
    await check(page, 'case list', 'contract-cases-en');
    // Mantine hides the segmented control's radio under its label: the label is what a person clicks.
    await page.locator('label', { hasText: /^Signed$/ }).click();
    await page.getByText('No case matches these filters.').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('signed');
    await check(page, 'case list, filtered empty', 'contract-cases-empty-en');

    // My tasks start empty.
    await page.getByRole('link', { name: 'Task desk', exact: true }).click();
    await page.getByText('No task of yours here.').waitFor();
    await check(page, 'task desk, empty', 'task-desk-empty-en');

    // The case page: the graph, the baseline terms, and what blocks signing (every required task).
    await page.goto(`/contracts/${caseId}`);
    await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();
    await page.getByRole('img', { name: /^Task graph of 6 tasks, 6 on the critical path/ }).waitFor();
    const signing = page.getByRole('region', { name: 'Signing' });
    await signing.getByText('The required task “Draft contract” is not done.').waitFor();
    await page.getByText('The terms match the approved offer.', { exact: true }).waitFor();
    // A blocked task says what it waits for and cannot be claimed (nor completed: the server refuses both).
    await row(page, 'review_terms').getByText('Waiting for: Draft contract, Counterparty credit check').waitFor();
    expect(await row(page, 'review_terms').getByRole('button', { name: 'Claim “Review terms”' }).isDisabled()).toBe(
      true,
    );
    const review = walk.contractCase.tasks.find((t: any) => t.key === 'review_terms');
    const refused = await http(world.baseUrl, world.lawyer.token(), 'POST', `/api/tasks/${review.id}/claim`);
    expect({ status: refused.status, code: refused.body.code }).toEqual({
      status: 409,
      code: 'contract.task_not_available',
    });
    const notClaimed = await http(world.baseUrl, world.lawyer.token(), 'POST', `/api/tasks/${review.id}/complete`);
    expect(notClaimed.status).toBe(409);
    await check(page, 'case page', 'contract-case-en');

    // Legal drafts; review still waits for the credit check.
    await claimAndComplete(page, 'draft_contract', 'Draft contract');
    await row(page, 'review_terms').getByText('Waiting for: Counterparty credit check').waitFor();

    // Accounting works from its queue: the credit check, then the billing set-up it unblocks.
    const desk = accountant.page;
    await desk.goto('/tasks?tab=queue');
    const queue = desk.getByRole('table', { name: 'Tasks' });
    await queue.getByRole('button', { name: 'Claim “Counterparty credit check”' }).click();
    await desk.getByText('The queue is empty: nobody is waiting for your group.').waitFor();
    await desk.getByRole('tab', { name: 'My tasks' }).click();
    await desk.getByRole('button', { name: 'Complete “Counterparty credit check”' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Complete “Counterparty credit check”' });
    await dialog.getByRole('textbox', { name: /^Result/ }).fill('Rating A, no limit needed');
    await dialog.getByRole('button', { name: 'Mark done' }).click();
    await desk.getByText('No task of yours here.').waitFor();
    await desk.getByRole('tab', { name: 'Group queue' }).click();
    await queue.getByRole('button', { name: 'Claim “Billing set-up”' }).click();
    await desk.getByRole('tab', { name: 'My tasks' }).click();
    await desk.getByRole('button', { name: 'Details of “Billing set-up”' }).click();
    const drawer = desk.getByRole('dialog', { name: 'Task: Billing set-up' });
    await drawer.getByRole('textbox', { name: /^Document title/ }).fill('Billing profile');
    await drawer.getByRole('textbox', { name: /^Link/ }).fill('https://dms.example.com/billing/birch');
    await drawer.getByRole('button', { name: 'Link the document' }).click();
    await drawer.getByRole('link', { name: 'Billing profile' }).waitFor();
    await drawer.getByRole('button', { name: 'Complete “Billing set-up”' }).click();
    await desk
      .getByRole('dialog', { name: 'Complete “Billing set-up”' })
      .getByRole('button', { name: 'Mark done' })
      .click();
    await drawer.getByText('Done', { exact: true }).first().waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await desk.getByRole('tab', { name: 'Group queue' }).click();
    await desk.getByText('The queue is empty: nobody is waiting for your group.').waitFor();
    await check(desk, 'task desk, empty queue', 'task-queue-empty-en');

    // Legal reviews the terms; the payment schedule opens in accounting's queue without a reload (the stream).
    await row(page, 'review_terms').getByText('Waiting for', { exact: false }).waitFor({ state: 'detached' });
    await claimAndComplete(page, 'review_terms', 'Review terms');
    await queue.getByRole('button', { name: 'Claim “Payment schedule”' }).waitFor({ timeout: 60_000 });
    await check(desk, 'task desk with a task', 'task-desk-en');
    await queue.getByRole('button', { name: 'Claim “Payment schedule”' }).click();
    await desk.getByRole('tab', { name: 'My tasks' }).click();
    await desk.getByRole('button', { name: 'Complete “Payment schedule”' }).click();
    await desk
      .getByRole('dialog', { name: 'Complete “Payment schedule”' })
      .getByRole('button', { name: 'Mark done' })
      .click();
    await desk.getByText('No task of yours here.').waitFor();

    // Legal proposes a longer payment term: it drifts from the offer and goes to the head for approval.
    await page.reload();
    await page.getByRole('button', { name: 'Propose a term change' }).click();
    const terms = page.getByRole('dialog', { name: 'Propose a term change' });
    await terms.getByRole('textbox', { name: /^Payment days/ }).fill('60');
    await terms.getByRole('button', { name: 'Save the terms' }).click();
    await terms.waitFor({ state: 'detached' });
    await page
      .getByRole('list', { name: 'Differences from the approved offer' })
      .getByText('30 days → 60 days')
      .waitFor();
    const approval = page.getByRole('region', { name: 'Deviation approval' });
    await approval.getByText('Pending', { exact: true }).waitFor();
    await signing.getByText('The approval of the terms deviation (1 difference) is pending.').waitFor();
    await claimAndComplete(page, 'legal_sign_off', 'Final legal sign-off');
    await signing.getByText('The required task “Final legal sign-off” is not done.').waitFor({ state: 'detached' });
    await check(page, 'case page, approval pending', 'contract-case-pending-en');

    // The head approves the deviation (the inbox has its own tests); nothing blocks signing any more.
    await approveThrough(world, world.head, caseId, 'Sixty days are fine for this customer');
    await waitFor(
      async () =>
        (await world.call(world.lawyer, 'GET', `/api/contracts/${caseId}`)).deviationApproval?.status === 'approved' ||
        null,
      { what: 'the deviation approved', timeoutMs: 90_000 },
    );
    await page.reload();
    await approval.getByText('Approved', { exact: true }).waitFor();
    await signing.getByText('Nothing blocks signing.').waitFor();
    await signing.getByRole('textbox', { name: /^Customer signatory/ }).fill('Dana Moss');
    await signing.getByRole('textbox', { name: /^Our signatory/ }).fill('Olga Owner');
    await signing.getByRole('button', { name: 'Sign the contract' }).click();
    await signing.getByText(/^Signed on /).waitFor();
    await signing.getByText('Delivery takes the handover task from its queue.').waitFor();
    await page
      .getByRole('heading', { level: 1, name: COMPANY })
      .locator('..')
      .getByText('Signed', { exact: true })
      .waitFor();
    await check(page, 'case page, signed', 'contract-case-signed-en');
    await Promise.all([lawyer.context.close(), accountant.context.close()]);
  });

  it('shows the salesperson a read-only view of the case and, once signed, a won deal with no action', async () => {
    const seller = await signedIn(browser, world, world.seller);
    const page = seller.page;
    await page.goto(`/prospects/${walk.prospectId}`);
    const progress = page.getByRole('region', { name: 'Contract case' });
    await progress.getByRole('link', { name: 'Open the contract case (read only)' }).click();
    await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();
    await page.getByText('You can read this case; legal and accounting work on it.').waitFor();
    for (const name of [
      /^Claim/,
      /^Complete/,
      /^Return/,
      'Propose a term change',
      'Sign the contract',
      'Request deviation approval',
    ]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    await check(page, 'case page, salesperson', 'contract-case-salesperson-en');

    // Signed (by the other test, or here through the API when this one runs alone): the deal is won.
    const current = await world.call(world.lawyer, 'GET', `/api/contracts/${walk.contractCase.id}`);
    if (current.status !== 'signed') await signThroughApi(world, walk);
    await waitFor(
      async () => (await world.call(world.seller, 'GET', `/api/prospects/${walk.prospectId}`)).status === 'won' || null,
      {
        what: 'the prospect won',
        timeoutMs: 90_000,
      },
    );
    await page.goto(`/prospects/${walk.prospectId}`);
    await page.getByText('Won', { exact: true }).first().waitFor();
    await progress.getByText('Signed', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /lost|Submit|Schedule|Record/i }).count()).toBe(0);
    await check(page, 'prospect page, won', 'prospect-won-en');
    await seller.context.close();
  });

  it('reads in Hungarian and at phone width', async () => {
    const lawyer = await signedIn(browser, world, world.lawyer, 'hu');
    const page = lawyer.page;
    await page.getByRole('link', { name: 'Szerződéses ügyek', exact: true }).click();
    await page.getByRole('table', { name: 'Szerződéses ügyek' }).getByRole('link', { name: COMPANY }).waitFor();
    await check(page, 'case list (hu)', 'contract-cases-hu');
    await page.getByRole('link', { name: COMPANY }).click();
    await page.getByRole('img', { name: /feladat gráfja/ }).waitFor();
    await check(page, 'case page (hu)', 'contract-case-hu');
    await page.getByRole('link', { name: 'Feladatpult', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Feladatpult' }).waitFor();
    await page
      .getByRole('table', { name: 'Feladatok' })
      .or(page.getByText('Itt nincs saját feladatod.'))
      .first()
      .waitFor();
    await check(page, 'task desk (hu)', 'task-desk-hu');
    await page.getByRole('tab', { name: 'Csoport sora' }).click();
    await page.getByText('A sor üres: senki sem vár a csoportodra.').waitFor();
    await check(page, 'task queue empty (hu)', 'task-queue-empty-hu');
    await lawyer.context.close();

    const phone = await signedIn(browser, world, world.lawyer, 'en', 390);
    await phone.page.goto(`/contracts/${walk.contractCase.id}`);
    await phone.page.getByRole('img', { name: /^Task graph of/ }).waitFor();
    await check(phone.page, 'case page at phone width', 'contract-case-phone-en');
    await phone.context.close();
  });
});

/** Every task done through the API (in the template's order), then signed: for the salesperson test alone. */
async function signThroughApi(world: ConsoleWorld, walk: CaseWalk) {
  const id: string = walk.contractCase.id;
  for (const key of [
    'draft_contract',
    'credit_check',
    'review_terms',
    'billing_setup',
    'payment_schedule',
    'legal_sign_off',
  ]) {
    const c = await world.call(world.lawyer, 'GET', `/api/contracts/${id}`);
    const task = c.tasks.find((t: any) => t.key === key);
    if (task.status === 'done') continue;
    const who = task.group === 'legal' ? world.lawyer : world.accountant;
    if (task.status === 'open') await world.call(who, 'POST', `/api/tasks/${task.id}/claim`);
    await world.call(who, 'POST', `/api/tasks/${task.id}/complete`);
  }
  const c = await world.call(world.lawyer, 'GET', `/api/contracts/${id}`);
  if (c.deviationApproval?.status === 'pending') await approveThrough(world, world.head, id);
  await waitFor(async () => (await world.call(world.lawyer, 'GET', `/api/contracts/${id}`)).signing.allowed || null, {
    what: 'signing allowed',
    timeoutMs: 90_000,
  });
  await world.call(world.lawyer, 'POST', `/api/contracts/${id}/sign`, {
    signatories: [
      { name: 'Dana Moss', party: 'customer' },
      { name: 'Olga Owner', party: 'company' },
    ],
  });
}
