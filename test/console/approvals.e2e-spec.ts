/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call -- reads JSON answers loosely */
import { waitFor } from '@dealgate/testing';
import type { Browser, Locator, Page } from 'playwright-core';
import { Language, expectAccessible, launchChromium, logIn, newContext, screenshot } from './support/browser';
import { ConsoleWorld, Person, http, startConsoleWorld } from './support/console-world';
import { approveThrough, deviationAwaitingApproval, offerAwaitingApproval, pendingApproval } from './support/deal-walk';

// The approval inbox in a real Chromium against the real system: deciding each kind of subject where it is judged,
// a race between two deciders, delegation, the history, live arrival.
jest.setTimeout(480_000);

const DAY_MS = 86_400_000;

/** A sample of `count` companies the head built and submitted: it waits for the owner. */
async function submittedSample(world: ConsoleWorld, title: string, count: number) {
  const { call, head } = world;
  const lines = await call(head, 'GET', '/api/product-lines');
  const line = lines.items.find((l: any) => l.code === 'software') ?? lines.items[0];
  const sample = await call(head, 'POST', '/api/samples', {
    productLineId: line.id,
    title,
    rationale: 'Mid-size distributors still ordering by phone',
  });
  const companies = Array.from({ length: count }, (_, i) => ({ name: `${title} company ${i + 1}` }));
  const added = await call(head, 'POST', `/api/samples/${sample.id}/companies`, { companies });
  await call(head, 'POST', `/api/samples/${sample.id}/submit`, { version: added.sample.version });
  const approval = await pendingApproval(world, world.owner, sample.id);
  return { sample, line, approval };
}

/** The day button of the date picker ("2 December 2026"). */
function dayLabel(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** Toasts (ours and the bell's) fade after a few seconds; axe judges the page under them. */
async function settled(page: Page) {
  await waitFor(async () => (await page.locator('.mantine-Notification-root').count()) === 0 || null, {
    what: 'the toasts gone',
    timeoutMs: 30_000,
  });
}

async function statusOf(card: Locator): Promise<string | null> {
  return card.getByTestId('request-status').textContent();
}

/** Waits until the request's card shows this status (the decision, then the refetch, take a moment). */
async function statusBecomes(card: Locator, status: string) {
  await waitFor(async () => (await statusOf(card)) === status || null, {
    what: `the request shown ${status}`,
    timeoutMs: 30_000,
  });
}

/** A Mantine Select input, by its label. */
function choice(page: Page, label: string | RegExp): Locator {
  return page
    .getByRole('combobox', { name: label })
    .or(page.getByRole('textbox', { name: label }))
    .first();
}

/** The cells of the table row whose header is `term`. */
async function termRow(table: Locator, term: string): Promise<string[]> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: term, exact: true }) });
  return row.getByRole('cell').allInnerTexts();
}

describe('the approval inbox', () => {
  let world: ConsoleWorld;
  let browser: Browser;

  beforeAll(async () => {
    [world, browser] = await Promise.all([startConsoleWorld(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
  });

  async function signedIn(who: Person, language: Language = 'en', viewport?: { width: number; height: number }) {
    const context = await newContext(browser, world.baseUrl, language, viewport);
    const page = await context.newPage();
    await logIn(page, who.email, who.password, language);
    return { context, page };
  }

  const card = (page: Page, requestId: string) => page.locator(`article[data-request="${requestId}"]`);

  it('lets the head approve an offer from the inbox, judged beside the brief and the earlier version', async () => {
    const walk = await offerAwaitingApproval(world, { revised: true });

    // The salesperson who asked sees the request among theirs, with a recall and no approve button.
    const seller = await signedIn(world.seller);
    await seller.page.goto('/approvals?tab=mine');
    const own = card(seller.page, walk.approval.id);
    await own.getByText('You asked for this approval: you cannot decide it, only recall it.').waitFor();
    await own.getByRole('button', { name: 'Recall my request' }).waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    await seller.context.close();
    // And the server refuses it anyway.
    const refused = await http(
      world.baseUrl,
      world.seller.token(),
      'POST',
      `/api/approvals/${walk.approval.id}/approve`,
      {
        stepIndex: walk.approval.currentStepIndex,
      },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('approval.forbidden_own_request');

    // The head finds it through the navigation.
    const { context, page } = await signedIn(world.head);
    await page.getByRole('link', { name: 'Approvals', exact: true }).click();
    await page.mouse.move(700, 800);
    const offer = card(page, walk.approval.id);
    await offer.getByRole('heading', { name: `Offer version 2 for ${walk.companyName}` }).waitFor();
    expect(await offer.getAttribute('aria-label')).toBe(`Offer: ${walk.companyName}`);
    expect(await offer.getByTestId('sla').textContent()).toMatch(/^Due in (23 h \d+ min|1 d)$/);
    await offer.getByText('Escalation level: on time').waitFor();
    await offer.getByText('Requested by Sam Seller').waitFor();

    // Items beside the needs they answer, the need left open, the terms.
    const items = offer.getByRole('table', { name: 'Items and the needs they answer' });
    expect(await items.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).toEqual([
      'portal',
      'Ordering portal',
      '1',
      '€42,000.00',
      '€42,000.00',
      'Order online instead of by phone',
    ]);
    await offer
      .getByRole('list', { name: 'Needs of the brief left unaddressed' })
      .getByText(walk.needs[1].text)
      .waitFor();
    await offer.getByText('45 days', { exact: true }).first().waitFor();
    await offer.getByText('Go-live in six weeks, 42 days').waitFor();
    // What changed from version 1: the price and the payment days, nothing else.
    const changes = offer.getByRole('table', { name: 'Changes from version 1' });
    expect(await termRow(changes, 'Unit price of portal')).toEqual(['€45,000.00', '€42,000.00', 'Changed']);
    expect(await termRow(changes, 'Payment')).toEqual(['30 days', '45 days', 'Changed']);
    expect(await changes.getByRole('row').count()).toBe(3);
    await expectAccessible(page, 'approvals, an offer');
    await screenshot(page, 'approvals-offer-en');

    await offer.getByRole('textbox', { name: 'Comment' }).fill('Fair price for the second version');
    await offer.getByRole('button', { name: 'Approve' }).click();
    await statusBecomes(offer, 'Approved');
    await offer.getByText('Fair price for the second version').waitFor();
    const decided = await world.call(world.head, 'GET', `/api/approvals/${walk.approval.id}`);
    expect(decided.status).toBe('approved');
    expect(decided.steps[0].decidedBy).toBe(world.head.id);
    await waitFor(
      async () => (await world.call(world.seller, 'GET', `/api/offers/${walk.offer.id}`)).status === 'approved' || null,
      { what: 'the offer approved', timeoutMs: 90_000 },
    );
    await context.close();
  });

  it('lets the owner approve a sample from the inbox with a comment', async () => {
    const { sample, line, approval } = await submittedSample(world, `Wholesalers ${Date.now()}`, 12);
    const { context, page } = await signedIn(world.owner);
    // The notification about it opens the request's own page.
    await page.goto('/notifications');
    const open = page.getByRole('link', { name: 'Open “Approval needed: target sample”' }).first();
    await open.waitFor({ timeout: 60_000 });
    await open.click();
    await page.waitForURL((url) => /^\/approvals\/[0-9a-f-]{36}$/.test(url.pathname));
    await page.getByRole('article').getByRole('heading', { level: 3 }).waitFor();
    await page.goto('/approvals');
    const item = card(page, approval.id);
    expect(await item.getAttribute('aria-label')).toBe(`Target sample: ${sample.title}`);
    await item.getByText('Mid-size distributors still ordering by phone').waitFor();
    await item.getByText(line.name, { exact: true }).waitFor();
    await item.getByText('Hanna Head', { exact: true }).waitFor();
    await item.getByText('12 companies').waitFor();
    const companies = item.getByRole('table', { name: 'Companies of the sample' });
    await companies.getByRole('row').nth(10).waitFor();
    const names = async () => (await companies.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\t')[0]);
    const first = await names();
    expect(first).toHaveLength(10);
    // The other two a page further.
    await item.getByRole('button', { name: 'Page 2' }).click();
    await waitFor(async () => ((await companies.getByRole('row').count()) === 3 ? true : null), {
      what: 'the second page of companies',
    });
    const all = [...first, ...(await names())].sort();
    expect(all).toEqual(Array.from({ length: 12 }, (_, i) => `${sample.title} company ${i + 1}`).sort());
    await page.mouse.move(700, 800);
    await expectAccessible(page, 'approvals, a sample');
    await screenshot(page, 'approvals-sample-en');

    await item.getByRole('textbox', { name: 'Comment' }).fill('Good segment, go ahead');
    await item.getByRole('button', { name: 'Approve' }).click();
    await statusBecomes(item, 'Approved');
    const decided = await world.call(world.owner, 'GET', `/api/approvals/${approval.id}`);
    expect(decided.steps[0].comment).toBe('Good segment, go ahead');
    expect(decided.steps[0].decidedBy).toBe(world.owner.id);
    await waitFor(
      async () => (await world.call(world.owner, 'GET', `/api/samples/${sample.id}`)).status === 'approved' || null,
      { what: 'the sample approved', timeoutMs: 90_000 },
    );
    await context.close();
  });

  it('lets only one of two deciders win a race; the other reads the server’s refusal and the refreshed item', async () => {
    // The head lets Cora decide in her place; both open the same offer and approve at once.
    const now = Date.now();
    const delegation = await world.call(world.head, 'POST', '/api/approvals/delegations', {
      delegateId: world.colleague.id,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + DAY_MS).toISOString(),
    });
    try {
      const walk = await offerAwaitingApproval(world);
      await pendingApproval(world, world.colleague, walk.offer.id);
      const [head, cora] = await Promise.all([signedIn(world.head), signedIn(world.colleague)]);
      await Promise.all([
        head.page.goto(`/approvals/${walk.approval.id}`),
        cora.page.goto(`/approvals/${walk.approval.id}`),
      ]);
      const buttons = [head, cora].map((s) => card(s.page, walk.approval.id).getByRole('button', { name: 'Approve' }));
      await Promise.all(buttons.map((b) => b.waitFor()));
      await Promise.all(buttons.map((b) => b.click()));

      // Both end up on the approved request; exactly one of them was refused, in the server's words.
      for (const s of [head, cora]) {
        await statusBecomes(card(s.page, walk.approval.id), 'Approved');
      }
      // The loser's page may show the approved request (live) a moment before its own refused answer arrives.
      const readAlerts = () =>
        Promise.all(
          [head, cora].map(async (s) => {
            const alert = card(s.page, walk.approval.id).getByRole('alert');
            return (await alert.count()) > 0 ? alert.textContent() : null;
          }),
        );
      await waitFor(async () => (await readAlerts()).some((a) => a !== null) || null, {
        what: 'the refusal on the losing page',
        timeoutMs: 30_000,
      });
      const alerts = await readAlerts();
      const again = await http(
        world.baseUrl,
        world.head.token(),
        'POST',
        `/api/approvals/${walk.approval.id}/approve`,
        {
          stepIndex: 0,
        },
      );
      expect(again.status).toBe(409);
      expect(alerts.filter((a) => a !== null)).toHaveLength(1);
      expect(alerts.find((a) => a !== null)).toContain(again.body.message);
      const detail = await world.call(world.head, 'GET', `/api/approvals/${walk.approval.id}`);
      const winner = alerts[0] === null ? world.head : world.colleague;
      expect(detail.steps[0].decidedBy).toBe(winner.id);
      const loser = alerts[0] === null ? cora : head;
      expect(await card(loser.page, walk.approval.id).getByRole('button', { name: 'Approve' }).count()).toBe(0);
      // The request's own page also lists every request about its subject.
      await loser.page
        .getByRole('region', { name: 'Every request about this subject' })
        .getByText(/^This request/)
        .waitFor();
      await settled(loser.page);
      await expectAccessible(loser.page, 'approvals, a request lost in a race');
      await screenshot(loser.page, 'approvals-race-lost-en');
      await head.context.close();
      await cora.context.close();
    } finally {
      await world.call(world.head, 'DELETE', `/api/approvals/delegations/${delegation.id}`);
    }
  });

  it('sets a delegation in the console, lists it as acting for, and ends it', async () => {
    const { context, page } = await signedIn(world.head);
    await page.goto('/approvals?tab=delegation');
    await page.getByRole('heading', { name: 'Approve on my behalf' }).waitFor();
    await choice(page, /^Colleague/).click();
    await page.getByRole('option', { name: 'Cora Colleague' }).click();
    await page.getByRole('button', { name: /^Period/ }).click();
    const today = new Date();
    const tomorrow = new Date(today.getTime() + DAY_MS);
    await page.getByRole('button', { name: dayLabel(today), exact: true }).click();
    if (tomorrow.getMonth() !== today.getMonth()) await page.locator('button[data-direction="next"]').click();
    await page.getByRole('button', { name: dayLabel(tomorrow), exact: true }).click();
    await page.getByRole('button', { name: 'Set delegation' }).click();
    const given = page.getByRole('region', { name: 'Who acts for me' });
    const row = given.getByRole('row').filter({ hasText: 'Cora Colleague acts for you' });
    await row.filter({ hasText: 'Running' }).waitFor();
    const listed = await world.call(world.head, 'GET', '/api/approvals/delegations?role=given');
    const created = listed.items.find((d: any) => d.delegateId === world.colleague.id && d.revokedAt === null);
    expect(new Date(created.endsAt).getTime() - new Date(created.startsAt).getTime()).toBe(2 * DAY_MS);
    await settled(page);
    await expectAccessible(page, 'approvals, delegation');
    await screenshot(page, 'approvals-delegation-en');

    // Cora acts for the head now: the approvals page is in her navigation and names the delegation.
    const cora = await signedIn(world.colleague);
    await cora.page.getByRole('link', { name: 'Approvals', exact: true }).click();
    await cora.page.getByRole('tab', { name: 'Delegation' }).click();
    await cora.page
      .getByRole('region', { name: 'For whom I act' })
      .getByRole('row')
      .filter({ hasText: 'You act for' })
      .getByText('Running')
      .waitFor();
    await cora.context.close();

    // Another test may have left an ended delegation to Cora in this list: end the running one, and wait until
    // no running one is left.
    const running = row.filter({ hasText: 'Running' });
    await running.getByRole('button', { name: 'End now: Cora Colleague acts for you' }).click();
    await running.waitFor({ state: 'detached' });
    const ended = await world.call(world.head, 'GET', `/api/approvals/delegations?role=given`);
    expect(ended.items.find((d: any) => d.id === created.id).revokedAt).not.toBeNull();
    await context.close();
  });

  it('shows a contract deviation field by field against the approved offer, and the head approves it', async () => {
    const walk = await deviationAwaitingApproval(world);
    const { context, page } = await signedIn(world.head);
    await page.goto('/approvals');
    const item = card(page, walk.approval.id);
    await item.getByText('7 terms deviate from the approved offer').waitFor();
    const diff = item.getByRole('table', { name: 'Proposed terms against the approved offer, field by field' });
    expect(await diff.getByRole('columnheader').allInnerTexts()).toEqual([
      'Term',
      'Approved offer',
      'Proposed',
      'Changed',
    ]);
    expect(await termRow(diff, 'Unit price of portal')).toEqual(['€45,000.00', '€40,000.00', 'Changed']);
    expect(await termRow(diff, 'Quantity of portal')).toEqual(['1', '1', 'Same']);
    expect(await termRow(diff, 'Payment')).toEqual(['30 days', '60 days', 'Changed']);
    expect(await termRow(diff, 'Delivery')).toEqual(['Go-live in six weeks', 'Go-live in ten weeks', 'Changed']);
    expect(await termRow(diff, 'Delivery time')).toEqual(['42 days', '70 days', 'Changed']);
    expect(await termRow(diff, 'Discount')).toEqual(['5 %', '10 %', 'Changed']);
    expect(await termRow(diff, 'Valid until')).toEqual(['31 Mar 2027', '30 Jun 2027', 'Changed']);
    expect(await termRow(diff, 'Clause sla-99.5')).toEqual(['included', 'included', 'Same']);
    expect(await termRow(diff, 'Clause liability-cap-1x')).toEqual(['not included', 'included', 'Changed']);
    await page.mouse.move(700, 800);
    await expectAccessible(page, 'approvals, a contract deviation');
    await screenshot(page, 'approvals-deviation-en');

    await item.getByRole('button', { name: 'Approve' }).click();
    await statusBecomes(item, 'Approved');
    await waitFor(
      async () =>
        (await world.call(world.lawyer, 'GET', `/api/contracts/${walk.contractCase.id}`)).deviationApproval?.status ===
          'approved' || null,
      { what: 'the deviation approved on the case', timeoutMs: 90_000 },
    );
    await context.close();
  });

  it('asks for a reason to reject, shows the history with filters, and a new approval arrives without a reload', async () => {
    const { context, page } = await signedIn(world.head);
    await page.goto('/approvals');
    await page.getByRole('tab', { name: 'Waiting for me' }).waitFor();
    // Submitted while the page is open: the notification stream brings it in.
    const walk = await offerAwaitingApproval(world);
    const item = card(page, walk.approval.id);
    await item.waitFor({ timeout: 60_000 });

    await item.getByRole('button', { name: 'Reject' }).click();
    const comment = item.getByRole('textbox', { name: 'Comment' });
    await waitFor(async () => (await comment.getAttribute('aria-invalid')) === 'true' || null, {
      what: 'the comment marked invalid by the server',
    });
    expect(await statusOf(item)).toBe('Waiting');
    await comment.fill('The second need is not answered');
    await item.getByRole('button', { name: 'Reject' }).click();
    await statusBecomes(item, 'Rejected');

    await page.getByRole('tab', { name: 'History' }).click();
    await choice(page, 'Status').click();
    await page.getByRole('option', { name: 'Rejected' }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'rejected');
    const history = page.getByRole('table', { name: 'History' });
    // The filtered page replaces the unfiltered one once it arrives.
    const rows = await waitFor(
      async () => {
        const texts = (await history.getByRole('row').allInnerTexts()).slice(1);
        return texts.length > 0 && texts.every((r) => r.includes('Rejected')) ? texts : null;
      },
      { what: 'only rejected requests in the history' },
    );
    expect(rows.some((r) => r.includes('Sam Seller'))).toBe(true);
    await page.mouse.move(700, 800);
    await settled(page);
    await expectAccessible(page, 'approvals, history');
    await screenshot(page, 'approvals-history-en');
    await choice(page, 'Subject').click();
    await page.getByRole('option', { name: 'Target sample' }).click();
    await page.getByText('No request matches these filters.').waitFor();
    await context.close();
  });

  it('shows the inbox with each kind of subject, the history and delegation in Hungarian, and fits a phone', async () => {
    const [offer, deviation, sample] = [
      await offerAwaitingApproval(world, { revised: true }),
      await deviationAwaitingApproval(world),
      await submittedSample(world, `Nagykereskedők ${Date.now()}`, 3),
    ];
    // The delegation tab shows one of its own (this test does not rely on another having set one).
    const now = Date.now();
    const delegation = await world.call(world.head, 'POST', '/api/approvals/delegations', {
      delegateId: world.colleague.id,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + DAY_MS).toISOString(),
    });
    const head = await signedIn(world.head, 'hu');
    await head.page.getByRole('link', { name: 'Jóváhagyások', exact: true }).click();
    const offerCard = card(head.page, offer.approval.id);
    await offerCard.waitFor();
    await offerCard.getByRole('table', { name: 'Változások a(z) 1. változathoz képest' }).waitFor();
    await card(head.page, deviation.approval.id).getByText('7 feltétel tér el a jóváhagyott ajánlattól').waitFor();
    await head.page.mouse.move(700, 800);
    await expectAccessible(head.page, 'approvals (hu)');
    await screenshot(head.page, 'approvals-offer-deviation-hu');
    await head.page.getByRole('tab', { name: 'Előzmények' }).click();
    await head.page.getByRole('table', { name: 'Előzmények' }).waitFor();
    await expectAccessible(head.page, 'approvals history (hu)');
    await screenshot(head.page, 'approvals-history-hu');
    await head.page.getByRole('tab', { name: 'Helyettesítés' }).click();
    await head.page.getByRole('heading', { name: 'Jóváhagyás a nevemben' }).waitFor();
    await head.page
      .getByRole('region', { name: 'Ki jár el helyettem' })
      .getByText('Cora Colleague jár el helyetted')
      .first()
      .waitFor();
    await expectAccessible(head.page, 'approvals delegation (hu)');
    await screenshot(head.page, 'approvals-delegation-hu');
    await head.context.close();
    await world.call(world.head, 'DELETE', `/api/approvals/delegations/${delegation.id}`);

    const owner = await signedIn(world.owner, 'hu');
    await owner.page.goto('/approvals');
    await card(owner.page, sample.approval.id).getByText('3 cég').waitFor();
    await owner.page.mouse.move(700, 800);
    await expectAccessible(owner.page, 'approvals, a sample (hu)');
    await screenshot(owner.page, 'approvals-sample-hu');
    await owner.context.close();

    const phone = await signedIn(world.head, 'en', { width: 390, height: 844 });
    await phone.page.goto(`/approvals`);
    await card(phone.page, deviation.approval.id)
      .getByRole('table', { name: /field by field/ })
      .waitFor();
    const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(phone.page, 'approvals (phone)');
    await screenshot(phone.page, 'approvals-phone-en');
    await phone.context.close();

    // Leave nothing waiting for the other tests' inboxes.
    await approveThrough(world, world.head, offer.offer.id);
    await approveThrough(world, world.head, deviation.contractCase.id);
    await approveThrough(world, world.owner, sample.sample.id);
  });
});
