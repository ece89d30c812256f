/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { Role } from '@dealgate/domain';
import { queryOnce, tokenFor, waitFor } from '@dealgate/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Language, expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ADMIN, ConsoleWorld, Person, http, startConsoleWorld } from './support/console-world';
import { textContrast } from './support/contrast';
import { CaseWalk, approveThrough, handedOverCase } from './support/deal-walk';
import { choice } from './support/page-actions';

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

/** The lawyer becomes legal's lead and a second lawyer joins (through the admin API): answers the newcomer's id. */
async function legalTeam(world: ConsoleWorld): Promise<{ id: string; token: string }> {
  const admin = (await http(world.baseUrl, '', 'POST', '/api/auth/login', ADMIN)).body.accessToken as string;
  const leo = await world.call(admin, 'POST', '/api/users', {
    email: 'leo.lawyer@example.test',
    name: 'Leo Lawyer',
    password: 'Harbour-Thistle-5812',
    roles: [Role.Legal],
  });
  const lena = await world.call(admin, 'GET', `/api/users/${world.lawyer.id}`);
  await world.call(admin, 'PATCH', `/api/users/${world.lawyer.id}`, {
    version: lena.version,
    groups: ['legal'],
    leadOf: ['legal'],
  });
  await waitFor(
    async () =>
      (
        await queryOnce(
          world.db.url,
          `SELECT 1 FROM contracts.directory_user WHERE user_id = $1 AND 'legal' = ANY(lead_of)
           UNION ALL SELECT 1 FROM contracts.directory_user WHERE user_id = $2`,
          [world.lawyer.id, leo.id],
        )
      ).length === 2 || null,
    { what: 'the legal lead and the new lawyer in the contracts directory' },
  );
  return { id: leo.id, token: tokenFor({ userId: leo.id, roles: [Role.Legal] }) };
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
    const leo = await legalTeam(world);
    const lawyer = await signedIn(browser, world, world.lawyer);
    const accountant = await signedIn(browser, world, world.accountant);
    const page = lawyer.page;

    // The case list: the new case, due soonest first; a filter for signed cases shows the filtered empty state.
    await page.getByRole('link', { name: 'Contract cases', exact: true }).click();
    const list = page.getByRole('table', { name: 'Contract cases' });
    await list.getByRole('link', { name: COMPANY }).waitFor();
    await check(page, 'case list', 'contract-cases-en');
    // The active navigation link under the pointer keeps its text readable (axe judges links at rest only).
    const activeLink = page.getByRole('link', { name: 'Contract cases', exact: true });
    await activeLink.hover();
    await page.waitForTimeout(300);
    const hovered = await textContrast(activeLink);
    expect({ hovered, enough: hovered.ratio >= 4.5 }).toEqual({ hovered, enough: true });
    // Sorted by a header, the sort in the URL as the API takes it (`?sort=field`, `-field`).
    await list.locator('th[aria-sort="ascending"]', { hasText: 'Next due' }).waitFor();
    await list.getByRole('button', { name: /^Company/ }).click();
    await page.waitForURL(/sort=companyName/);
    await list.locator('th[aria-sort="ascending"]', { hasText: 'Company' }).waitFor();
    await list.getByRole('link', { name: COMPANY }).waitFor();
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

    // Legal drafts; review still waits for the credit check. The result is kept with the task, in one write.
    await claimAndComplete(page, 'draft_contract', 'Draft contract');
    const activity = page.getByRole('region', { name: 'Results, documents and comments' });
    await activity.getByText('Result of “Draft contract”').waitFor();
    await activity.getByText('Draft contract: done, filed in the DMS').waitFor();
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

    // Legal proposes a longer payment term, adds a training item and drops the SLA clause: it drifts from the
    // offer and goes to the head for approval. An empty new row is refused next to its field before anything is sent.
    await page.reload();
    await page.getByRole('button', { name: 'Propose a term change' }).click();
    const terms = page.getByRole('dialog', { name: 'Propose a term change' });
    await terms.getByRole('textbox', { name: /^Payment days/ }).fill('60');
    await terms.getByRole('button', { name: 'Add an item' }).click();
    await terms.getByRole('button', { name: 'Save the terms' }).click();
    await terms.getByText('Fill this in.').waitFor();
    await terms.getByRole('textbox', { name: 'Description of item 2' }).fill('Staff training');
    await terms.getByRole('textbox', { name: 'Quantity of Staff training' }).fill('2');
    await terms.getByRole('textbox', { name: /^Unit price of Staff training/ }).fill('800');
    await terms.getByRole('button', { name: 'Remove the clause sla-99.5' }).click();
    await check(page, 'terms form with a new item', 'contract-terms-form-en');
    await terms.getByRole('button', { name: 'Save the terms' }).click();
    await terms.waitFor({ state: 'detached' });
    const differences = page.getByRole('list', { name: 'Differences from the approved offer' });
    await differences.getByText('30 days → 60 days').waitFor();
    await differences.getByText('Item added (staff-training):').waitFor();
    await differences.getByText('Clause removed:').waitFor();
    const approval = page.getByRole('region', { name: 'Deviation approval' });
    await approval.getByText('Pending', { exact: true }).waitFor();
    await signing.getByText('The approval of the terms deviation (3 differences) is pending.').waitFor();

    // Legal's lead hands the final sign-off to the new lawyer, picked by name; he completes it (through the API).
    await row(page, 'legal_sign_off').getByRole('button', { name: 'Reassign “Final legal sign-off”' }).click();
    const handOver = page.getByRole('dialog', { name: 'Give “Final legal sign-off” to someone else' });
    await choice(handOver, /^New assignee/).click();
    await page.getByRole('option', { name: 'Leo Lawyer' }).waitFor();
    await check(page, 'reassign dialog', 'task-reassign-en');
    await page.getByRole('option', { name: 'Leo Lawyer' }).click();
    await handOver.getByRole('button', { name: 'Reassign', exact: true }).click();
    await handOver.waitFor({ state: 'detached' });
    await row(page, 'legal_sign_off').getByText('A colleague', { exact: true }).waitFor();
    await check(page, 'case page, approval pending', 'contract-case-pending-en');
    const signOff = walk.contractCase.tasks.find((t: any) => t.key === 'legal_sign_off');
    await world.call(leo.token, 'POST', `/api/tasks/${signOff.id}/complete`, { result: 'Signed off, no remarks' });

    // The head approves the deviation (the inbox has its own tests): the page shows it without a reload, and with
    // it the sign-off done by the colleague, so nothing blocks signing any more.
    await approveThrough(world, world.head, caseId, 'Sixty days are fine for this customer');
    await approval.getByText('Approved', { exact: true }).waitFor({ timeout: 90_000 });
    await signing.getByText('Nothing blocks signing.').waitFor({ timeout: 30_000 });
    await activity.getByText('Signed off, no remarks').waitFor({ timeout: 30_000 });
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
    // Nothing left for legal on the signed case (the handover is delivery's): no empty actions column.
    const caseTasks = page.getByRole('table', { name: 'Tasks of the case' });
    await caseTasks.getByText('Hand over to delivery').waitFor();
    await caseTasks.getByRole('columnheader', { name: 'State' }).waitFor();
    expect(await caseTasks.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
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
