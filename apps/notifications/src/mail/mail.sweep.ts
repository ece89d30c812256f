import { Injectable, Logger } from '@nestjs/common';
import { DirectoryService } from '@dealgate/chassis';
import { afterFailedAttempt, bundleDigest } from '@dealgate/domain';
import { openPersonalData } from '@dealgate/messages';
import { Sweep } from '@dealgate/messaging';
import { NotificationMetrics } from '../notification-metrics';
import { NotificationsEnv } from '../notifications.env';
import { ClaimedMail, MAIL_OUTBOX_SWEEP } from './mail.records';
import { MailRepository } from './mail.repository';
import { RenderedMail, renderDigestMail, renderEventMail } from './mail-templates';
import { MailTransport } from './mail-transport';

/** E-mails sent per run at most (the next run goes on). */
const BATCH = 50;
/** Waits between tries to record a sent e-mail while the database is away (about 30 s in all). */
const MARK_SENT_RETRIES = [250, 500, 1000, 2000, 4000, 8000, 15_000];

/** Works the e-mail outbox: due rows are claimed, sent once, and retried with backoff up to MAIL_MAX_ATTEMPTS. */
@Injectable()
export class MailSweep implements Sweep {
  readonly name = MAIL_OUTBOX_SWEEP;
  readonly everyMs: number;
  readonly wakeOnCommitOf = MAIL_OUTBOX_SWEEP;
  private readonly logger = new Logger(MailSweep.name);

  constructor(
    private readonly mails: MailRepository,
    private readonly directory: DirectoryService,
    private readonly transport: MailTransport,
    private readonly config: NotificationsEnv,
    private readonly metrics: NotificationMetrics,
  ) {
    this.everyMs = config.MAIL_SWEEP_MS;
  }

  async run(now: Date): Promise<void> {
    const abandoned = await this.mails.resendAbandoned(now, this.config.MAIL_MAX_ATTEMPTS);
    if (abandoned) {
      this.metrics.mails.inc({ outcome: 'abandoned' }, abandoned);
      this.logger.warn(`${abandoned} e-mail(s) abandoned mid-send: sent again with the same Message-ID`);
    }
    // One claimed at a time: a sender killed mid-run leaves only the e-mail it was sending in `sending` (sent again
    // when its lease ends), never the rest of a batch it had not started (the chaos suite found five).
    for (let sent = 0; sent < BATCH; sent++) {
      const [mail] = await this.mails.claimDue(now, 1, this.config.MAIL_LEASE_MS);
      if (!mail) return;
      await this.sendOne(mail, now);
    }
  }

  private async sendOne(mail: ClaimedMail, now: Date): Promise<void> {
    const user = await this.directory.user(mail.userId);
    if (!user?.active) {
      await this.mails.markSkipped(mail.id, 'recipient unknown or inactive');
      this.metrics.mails.inc({ outcome: 'skipped' });
      return;
    }
    let to: string | undefined;
    try {
      to = openPersonalData<{ email?: string }>(user.sealedContact, this.config.PII_KEY).email;
    } catch {
      to = undefined;
    }
    if (!to) {
      await this.mails.markSkipped(mail.id, 'no readable e-mail address in the directory');
      this.metrics.mails.inc({ outcome: 'skipped' });
      return;
    }
    try {
      await this.transport.send({ id: mail.id, to, ...(await this.render(mail)) });
    } catch (error) {
      // The SMTP server refused or was unreachable: nothing was accepted, so a retry cannot duplicate.
      const message = (error as Error).message.replaceAll(to, '<recipient>');
      const next = afterFailedAttempt({
        attempts: mail.attempts,
        maxAttempts: this.config.MAIL_MAX_ATTEMPTS,
        now,
        baseMs: this.config.MAIL_BACKOFF_MS,
      });
      if (next.kind === 'retry') await this.mails.retryAt(mail.id, next.at, message);
      else await this.mails.markFailed(mail.id, message);
      this.metrics.mails.inc({ outcome: next.kind === 'retry' ? 'retry' : 'failed' });
      this.logger.warn(`E-mail ${mail.id} attempt ${mail.attempts} failed (${next.kind}): ${message}`);
      return;
    }
    // Accepted by the SMTP server: it should not be sent again. The database may be away for a moment (a restart,
    // dropped connections), so marking it sent is retried; should that fail too, the row stays `sending` and is sent
    // again only after its lease, with the same Message-ID (the chaos suite found the earlier code putting it back to
    // pending at once).
    await this.markSentPatiently(mail.id, now);
    this.metrics.mails.inc({ outcome: 'sent' });
  }

  private async markSentPatiently(id: string, now: Date): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.mails.markSent(id, now);
      } catch (error) {
        if (attempt >= MARK_SENT_RETRIES.length) throw error;
        this.logger.warn(`E-mail ${id} was sent but not yet marked sent (${(error as Error).message}); retrying`);
        await new Promise((r) => setTimeout(r, MARK_SENT_RETRIES[attempt]));
      }
    }
  }

  private async render(mail: ClaimedMail): Promise<RenderedMail> {
    if (mail.kind === 'event')
      return renderEventMail(
        { title: mail.title, body: mail.body, linkPath: mail.linkPath ?? '/notifications' },
        this.config.PUBLIC_URL,
      );
    const digest = bundleDigest(await this.mails.digestItems(mail.id), '');
    return renderDigestMail({ ...digest, subject: mail.title }, this.config.PUBLIC_URL);
  }
}
