/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { startWebhookReceiver } from '../notifications/support/webhook-receiver';
import { expectAccessible, launchChromium, screenshot } from './support/browser';
import { ADMIN, ConsoleWorld, startConsoleWorld } from './support/console-world';
import { choice, signIn, toastsGone } from './support/page-actions';

// The administration's operations pages in a real Chromium: every page with axe and a screenshot, a webhook to a
// receiver started here with "Send test" showing the delivery in the log, an API key created and revoked, the
// system page with every service up, an approval policy and the contract task templates edited and read back
// through the API, one Hungarian pass, and the forbidden state for a non-admin.
jest.setTimeout(180_000);

describe('console administration: operations', () => {
  let world: ConsoleWorld;
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

  beforeAll(async () => {
    [world, browser, receiver] = await Promise.all([startConsoleWorld(), launchChromium(), startWebhookReceiver(200)]);
  });

  afterAll(async () => {
    await browser?.close();
    await world?.stop();
    await receiver?.close();
  });

  it('an admin adds a webhook and sends a test, creates and revokes an API key, and sees every page', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, ADMIN);

    await page.goto('/admin/webhooks');
    await page.getByRole('heading', { name: 'Webhooks', level: 2 }).waitFor();
    await page.getByText('No webhook yet.').waitFor();
    await expectAccessible(page, 'webhooks empty (en)');
    await screenshot(page, 'admin-webhooks-empty-en');
    await page.getByRole('button', { name: 'Add a webhook' }).click();
    const form = page.getByRole('dialog', { name: 'Add a webhook' });
    await form.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await choice(form, /^Events/).click();
    await page.getByRole('option', { name: 'contract.signed' }).click();
    await form.getByLabel(/^Signing secret/).fill('short');
    await form.getByRole('button', { name: 'Save' }).click();
    // The server's field error, next to the field.
    await form.getByText(/secret must be longer than or equal to 24 characters/).waitFor();
    await form.getByLabel(/^Signing secret/).fill('browser-test-secret-0123456789');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: receiver.url, exact: true }).waitFor();
    await page.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    const log = page.getByRole('dialog', { name: `Delivery log of ${receiver.url}` });
    await log.getByText('Nothing delivered yet.', { exact: false }).waitFor();
    await log.getByRole('button', { name: 'Send test' }).click();
    await log.getByRole('cell', { name: 'webhook.test' }).waitFor();
    await log.getByText('Delivered', { exact: true }).waitFor({ timeout: 30_000 });
    expect(receiver.received.some((r) => r.headers['x-dealgate-event'] === 'webhook.test')).toBe(true);
    await toastsGone(page);
    await expectAccessible(page, 'webhook delivery log (en)');
    await screenshot(page, 'admin-webhook-log-en');
    await page.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });
    await screenshot(page, 'admin-webhooks-en');

    await page.goto('/admin/api-keys');
    await page.getByRole('heading', { name: 'API keys', level: 2 }).waitFor();
    await page.getByRole('button', { name: 'Create a key' }).click();
    const create = page.getByRole('dialog', { name: 'Create a key' });
    await create.getByRole('textbox', { name: 'Name' }).fill('ERP sync');
    await choice(create, /^Roles/).click();
    await page.getByRole('option', { name: 'Admin', exact: true }).click();
    // The open option list lies over the dialog's buttons: focus elsewhere closes it.
    await create.getByRole('textbox', { name: 'Name' }).click();
    await create.getByRole('button', { name: 'Create' }).click();
    const secret = page.getByRole('dialog', { name: 'Your new key' });
    const key = await secret.getByRole('textbox', { name: 'API key' }).inputValue();
    expect(key.length).toBeGreaterThan(20);
    await secret.getByRole('button', { name: 'Copy' }).waitFor();
    // axe judges the page after the dialog closes: under the modal's dimming overlay it measures the rows' contrast.
    await screenshot(page, 'admin-api-key-secret-en');
    await secret.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Revoke ERP sync' }).click();
    await page.getByRole('dialog', { name: 'Revoke this key?' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText(/^Revoked /).waitFor();
    const answer = await fetch(`${world.baseUrl}/api/auth/api-keys`, { headers: { 'x-api-key': key } });
    expect(answer.status).toBe(401);
    await toastsGone(page);
    await expectAccessible(page, 'api keys (en)');
    await screenshot(page, 'admin-api-keys-en');

    await page.goto('/admin/audit?event=api_key.created');
    await page.getByRole('heading', { name: 'Audit log', level: 2 }).waitFor();
    await page.getByRole('cell', { name: 'api_key.created' }).first().waitFor();
    await expectAccessible(page, 'audit log (en)');
    await screenshot(page, 'admin-audit-en');

    await page.goto('/admin/dead-letters?service=prospects');
    await page.getByRole('heading', { name: 'Dead letters', level: 2 }).waitFor();
    await page.getByText('No dead letter here.').waitFor();
    await expectAccessible(page, 'dead letters (en)');
    await screenshot(page, 'admin-dead-letters-en');

    await page.goto('/admin/system');
    await page.getByRole('heading', { name: 'System', level: 2 }).waitFor();
    await page.getByText('Everything is up').waitFor();
    for (const service of ['gateway', 'prospects', 'approvals', 'contracts', 'notifications'])
      await page.getByLabel(`${service}: Up`, { exact: true }).waitFor();
    await expectAccessible(page, 'system (en)');
    await screenshot(page, 'admin-system-en');
    await context.close();
  });

  it('an admin edits an approval policy and the contract task templates, read back through the API', async () => {
    const { context, page } = await signIn(browser, world.baseUrl, ADMIN);
    await page.goto('/admin/approval-policies');
    await page.getByRole('heading', { name: 'Approval policies', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Commercial offers', level: 3 }).waitFor();
    await expectAccessible(page, 'approval policies (en)');
    await screenshot(page, 'admin-approval-policies-en');
    await page.getByRole('button', { name: 'Edit the Commercial offers policy' }).click();
    const drawer = page.getByRole('dialog', { name: 'The Commercial offers policy' });
    const reminder = drawer
      .getByRole('group', { name: 'Step 1' })
      .getByRole('textbox', { name: 'Reminder after (minutes)' });
    // The server's refusal, on the field it names (an emptied number goes as null).
    await reminder.fill('');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.getByText(/must be an integer number/).waitFor();
    await screenshot(page, 'admin-approval-policy-refused-en');
    await reminder.fill('95');
    await drawer.getByRole('button', { name: 'Save' }).click();
    await drawer.waitFor({ state: 'detached' });
    const policies = (await world.call(world.owner, 'GET', '/api/approvals/policies')) as {
      policy: { subjectKind: string; steps: { dueAfterMinutes: number }[] };
    }[];
    expect(policies.find((p) => p.policy.subjectKind === 'offer')?.policy.steps[0].dueAfterMinutes).toBe(95);

    const before = (await world.call(world.owner, 'GET', '/api/contracts/task-templates')) as {
      version: number;
      templates: { key: string; title: string }[];
    };
    await page.goto('/admin/contract-tasks');
    await page.getByRole('heading', { name: 'Contract tasks', level: 2 }).waitFor();
    const tasks = page.getByRole('list', { name: 'Task templates' }).getByRole('listitem');
    await tasks
      .first()
      .getByRole('textbox', { name: /^Title/ })
      .fill('Draft the contract from the offer');
    const last = before.templates.length;
    await page.getByRole('button', { name: `Remove task ${last}`, exact: true }).click();
    await toastsGone(page);
    await expectAccessible(page, 'contract tasks (en)');
    await screenshot(page, 'admin-contract-tasks-en');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove tasks from the templates?' });
    await confirm.getByText(before.templates[last - 1].title, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Save and remove' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText(`Version ${before.version + 1}`, { exact: false }).waitFor();
    const after = (await world.call(world.owner, 'GET', '/api/contracts/task-templates')) as typeof before;
    expect(after.templates.map((t) => t.key)).toEqual(before.templates.slice(0, -1).map((t) => t.key));
    expect(after.templates[0].title).toBe('Draft the contract from the offer');
    await context.close();

    const hu = await signIn(browser, world.baseUrl, ADMIN, 'hu');
    await hu.page.goto('/admin/approval-policies');
    await hu.page.getByRole('heading', { name: 'Jóváhagyási szabályok', level: 2 }).waitFor();
    await hu.page.getByRole('heading', { name: 'Kereskedelmi ajánlatok', level: 3 }).waitFor();
    await screenshot(hu.page, 'admin-approval-policies-hu');
    await hu.page.getByRole('button', { name: 'A(z) Kereskedelmi ajánlatok szabály szerkesztése' }).click();
    await hu.page.getByRole('group', { name: '1. lépés' }).waitFor();
    await screenshot(hu.page, 'admin-approval-policy-form-hu');
    await hu.page.goto('/admin/contract-tasks');
    await hu.page.getByRole('heading', { name: 'Szerződéses feladatok', level: 2 }).waitFor();
    await hu.page.getByRole('list', { name: 'Feladatsablonok' }).waitFor();
    await screenshot(hu.page, 'admin-contract-tasks-hu');
    await hu.context.close();
  });

  it('shows the system and webhooks pages in Hungarian, and the forbidden state to a non-admin', async () => {
    const hu = await signIn(browser, world.baseUrl, ADMIN, 'hu');
    await hu.page.goto('/admin/system');
    await hu.page.getByRole('heading', { name: 'Rendszer', level: 2 }).waitFor();
    await hu.page.getByText('Minden működik').waitFor();
    await expectAccessible(hu.page, 'system (hu)');
    await screenshot(hu.page, 'admin-system-hu');
    await hu.page.goto('/admin/dead-letters');
    await hu.page.getByRole('heading', { name: 'Elakadt feladatok', level: 2 }).waitFor();
    await expectAccessible(hu.page, 'dead letters (hu)');
    await screenshot(hu.page, 'admin-dead-letters-hu');
    await hu.context.close();

    const seller = await signIn(browser, world.baseUrl, world.seller);
    await seller.page.goto('/admin/system');
    await seller.page.getByText('Only an administrator may open this page.').waitFor();
    await expectAccessible(seller.page, 'forbidden (en)');
    await screenshot(seller.page, 'admin-ops-forbidden-en');
    await seller.context.close();
  });
});
