import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@dealgate/domain';
import { JobName, TaskAssignedPayload } from '@dealgate/messages';
import { queryOnce, seedDirectory, tokenFor, waitFor, fetchWithContract } from '@dealgate/testing';
import { DigestSweep } from '../../apps/notifications/src/mail/digest.sweep';
import { ABANDONED, MailRepository } from '../../apps/notifications/src/mail/mail.repository';
import { MailSweep } from '../../apps/notifications/src/mail/mail.sweep';
import { NotificationsEnv } from '../../apps/notifications/src/notifications.env';
import { RunningNotifications, startNotifications } from './support/notifications-harness';
import { startSmtpSink } from './support/smtp-sink';

const PUBLIC_URL = 'https://dealgate.test';
const HOUR = 3_600_000;

// E-mail end to end: events on the queue -> mail outbox -> sweep -> a real SMTP server started here.
describe('notifications e-mail over SMTP', () => {
  let svc: RunningNotifications;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const ann = { userId: randomUUID(), email: 'ann@example.test' };
  const carl = { userId: randomUUID(), email: 'carl@example.test' };
  const fay = { userId: randomUUID(), email: 'fail@example.test' };

  const task = (assigneeId: string, title = 'Draft contract'): TaskAssignedPayload => ({
    taskId: randomUUID(),
    caseId: randomUUID(),
    group: 'legal',
    assigneeId,
    title,
    dueAt: null,
  });

  beforeAll(async () => {
    smtp = await startSmtpSink([fay.email]);
    svc = await startNotifications({
      SMTP_URL: smtp.url,
      PUBLIC_URL,
      MAIL_FROM: 'noreply@dealgate.test',
      // The sweep's own period is an hour: an e-mail goes out because the commit that queued it runs the sweep.
      MAIL_SWEEP_MS: '3600000',
      MAIL_MAX_ATTEMPTS: '2',
      MAIL_BACKOFF_MS: String(HOUR),
    });
    await seedDirectory(
      svc.db.url,
      ['notifications'],
      [ann, carl, fay].map((u) => ({ ...u, roles: [Role.Legal], groups: ['legal'] })),
    );
  });

  afterAll(async () => {
    await svc?.stop();
    await smtp?.close();
  });

  /** Waits until the e-mail row(s) matching `where` are marked sent. */
  const sentMail = (where: string, params: unknown[]) =>
    waitFor(
      async () =>
        (await svc.count(`SELECT count(*) FROM notifications.mail WHERE ${where} AND status = 'sent'`, params)) > 0 ||
        null,
      { what: `the e-mail (${where}) marked sent` },
    );

  it('sends one e-mail with text, HTML and a link to the item; a redelivered event sends nothing more', async () => {
    const payload = task(ann.userId);
    const event = await svc.emit(JobName.TaskAssigned, payload);
    const [mail] = await waitFor(() => (smtp.to(ann.email).length ? smtp.to(ann.email) : null), {
      what: 'the e-mail at the SMTP server',
    });

    expect(mail.from).toBe('noreply@dealgate.test');
    expect(mail.subject).toBe('[Dealgate] Task assigned to you: Draft contract');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.decoded).toContain(`Open: ${PUBLIC_URL}/tasks/${payload.taskId}`);
    expect(mail.decoded).toContain(`<a href="${PUBLIC_URL}/tasks/${payload.taskId}">`);
    const [{ id }] = await queryOnce<{ id: string }>(
      svc.db.url,
      'SELECT id FROM notifications.mail WHERE message_id = $1',
      [event.messageId],
    );
    expect(mail.raw).toContain(`Message-ID: <${id}@dealgate>`);

    // The same event again, twice: acknowledged as duplicates, no second inbox item, mail row or e-mail. (The woken
    // run marks the e-mail sent after the server accepted it; a run an hour ahead before that would take it for one
    // abandoned mid-send.)
    await sentMail('message_id = $1', [event.messageId]);
    expect(await svc.redeliver(event)).toBe('duplicate');
    expect(await svc.redeliver(event)).toBe('duplicate');
    await svc.app.get(MailSweep).run(new Date(Date.now() + HOUR));
    expect(
      await svc.count('SELECT count(*) FROM notifications.notification WHERE message_id = $1', [event.messageId]),
    ).toBe(1);
    expect(await svc.count('SELECT count(*) FROM notifications.mail WHERE message_id = $1', [event.messageId])).toBe(1);
    expect(smtp.to(ann.email)).toHaveLength(1);
  });

  it('bundles e-mails of a person on the hourly digest into one message once the hour is over', async () => {
    const token = tokenFor({ userId: carl.userId, roles: [Role.Legal] });
    const put = await fetchWithContract(`${svc.url}/api/notifications/preferences`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ digest: 'hourly' }),
    });
    expect(put.status).toBe(200);
    const first = task(carl.userId, 'Review terms');
    const second = task(carl.userId, 'Credit check');
    await svc.emit(JobName.TaskAssigned, first);
    await svc.emit(JobName.TaskAssigned, second);
    const digests = svc.app.get(DigestSweep);
    const mails = svc.app.get(MailSweep);

    // Within the hour nothing goes out.
    await digests.run(new Date(Date.now() + 10 * 60_000));
    await mails.run(new Date(Date.now() + 10 * 60_000));
    expect(smtp.to(carl.email)).toHaveLength(0);

    const later = new Date(Date.now() + HOUR + 60_000);
    await digests.run(later);
    await digests.run(later); // idempotent: nothing left to bundle
    // The bundle's commit ran the mail sweep: the digest is sent; a run of its own finds nothing more to send.
    await sentMail(`user_id = $1 AND kind = 'digest'`, [carl.userId]);
    await mails.run(later);
    const received = smtp.to(carl.email);
    expect(received).toHaveLength(1);
    expect(received[0].subject).toBe('[Dealgate] Your hourly Dealgate digest: 2 updates');
    expect(received[0].decoded).toContain(`${PUBLIC_URL}/tasks/${first.taskId}`);
    expect(received[0].decoded).toContain(`${PUBLIC_URL}/tasks/${second.taskId}`);
    expect(
      await svc.count(`SELECT count(*) FROM notifications.mail WHERE user_id = $1 AND kind = 'digest'`, [carl.userId]),
    ).toBe(1);
  });

  it('retries a refused e-mail with backoff and gives up after MAIL_MAX_ATTEMPTS', async () => {
    const event = await svc.emit(JobName.TaskAssigned, task(fay.userId));
    const row = () =>
      queryOnce<{ status: string; attempts: number; next_attempt_at: Date; last_error: string }>(
        svc.db.url,
        'SELECT status, attempts, next_attempt_at, last_error FROM notifications.mail WHERE message_id = $1',
        [event.messageId],
      );
    // First attempt by the sweep its commit woke: refused, next try an hour later (MAIL_BACKOFF_MS).
    const afterFirst = await waitFor(
      async () => {
        const [r] = await row();
        return r?.attempts === 1 && r.status === 'pending' ? r : null;
      },
      { what: 'a first failed attempt' },
    );
    expect(new Date(afterFirst.next_attempt_at).getTime()).toBeGreaterThan(Date.now() + HOUR - 60_000);
    expect(afterFirst.last_error).not.toContain(fay.email); // the address never lands in a log or a column

    await svc.app.get(MailSweep).run(new Date(Date.now() + 2 * HOUR));
    const [final] = await row();
    expect(final).toMatchObject({ status: 'failed', attempts: 2 });
    await svc.app.get(MailSweep).run(new Date(Date.now() + 10 * HOUR));
    expect(smtp.refusedAttempts.filter((a) => a === fay.email)).toHaveLength(2);
  });
});

describe('notifications e-mail without SMTP', () => {
  it('writes .eml files under MAIL_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dealgate-mail-'));
    const svc = await startNotifications({ MAIL_DIR: dir, MAIL_SWEEP_MS: '3600000', SWEEP_WAKE_ON_COMMIT: 'false' });
    try {
      const user = { userId: randomUUID(), email: 'eve@example.test', roles: [Role.Legal] };
      await seedDirectory(svc.db.url, ['notifications'], [user]);
      await svc.emit(JobName.TaskAssigned, task(user.userId));
      await svc.app.get(MailSweep).run(new Date());
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^[0-9a-f-]{36}\.eml$/);
      const eml = readFileSync(join(dir, files[0]), 'utf8');
      expect(eml).toContain('To: eve@example.test');
      expect(eml).toContain('Subject: [Dealgate] Task assigned to you: Draft contract');

      // A sender that claimed an e-mail and died before sending it: after the lease it is sent, with its Message-ID.
      const event = await svc.emit(JobName.TaskAssigned, task(user.userId));
      const now = new Date();
      const [claimed] = await svc.app.get(MailRepository).claimDue(now, 10, 60_000);
      expect(claimed).toBeDefined();
      await svc.app.get(MailSweep).run(new Date(now.getTime() + 30_000));
      expect(readdirSync(dir)).toHaveLength(1); // within its lease: still its sender's
      await svc.app.get(MailSweep).run(new Date(now.getTime() + 61_000));
      expect(readdirSync(dir).sort()).toEqual([files[0], `${claimed.id}.eml`].sort());
      expect(readFileSync(join(dir, `${claimed.id}.eml`), 'utf8')).toContain(`Message-ID: <${claimed.id}@dealgate>`);
      const [row] = await queryOnce<{ status: string; attempts: number }>(
        svc.db.url,
        'SELECT status, attempts FROM notifications.mail WHERE message_id = $1',
        [event.messageId],
      );
      expect(row).toEqual({ status: 'sent', attempts: 2 });

      // Abandoned at its last attempt: failed, saying the outcome is unknown.
      const last = await svc.emit(JobName.TaskAssigned, task(user.userId));
      const later = new Date();
      const [lastClaim] = await svc.app.get(MailRepository).claimDue(later, 10, 60_000);
      const { MAIL_MAX_ATTEMPTS } = svc.app.get(NotificationsEnv);
      await queryOnce(svc.db.url, 'UPDATE notifications.mail SET attempts = $2 WHERE id = $1', [
        lastClaim.id,
        MAIL_MAX_ATTEMPTS,
      ]);
      await svc.app.get(MailSweep).run(new Date(later.getTime() + 61_000));
      const [failed] = await queryOnce<{ status: string; last_error: string }>(
        svc.db.url,
        'SELECT status, last_error FROM notifications.mail WHERE message_id = $1',
        [last.messageId],
      );
      expect(failed).toEqual({ status: 'failed', last_error: ABANDONED });
      expect(readdirSync(dir)).toHaveLength(2);
    } finally {
      await svc.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  function task(assigneeId: string): TaskAssignedPayload {
    return {
      taskId: randomUUID(),
      caseId: randomUUID(),
      group: 'legal',
      assigneeId,
      title: 'Draft contract',
      dueAt: null,
    };
  }
});
