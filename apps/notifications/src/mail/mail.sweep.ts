import { Injectable, Logger } from '@nestjs/common';
import { DirectoryService } from '@dealgate/chassis';
import { afterFailedAttempt, bundleDigest } from '@dealgate/domain';
import { openPersonalData } from '@dealgate/messages';
import { Sweep } from '@dealgate/messaging';
import { NotificationMetrics } from '../notification-metrics';
import { NotificationsEnv } from '../notifications.env';
import { ClaimedMail, MailRepository } from './mail.repository';
import { RenderedMail, renderDigestMail, renderEventMail } from './mail-templates';
import { MailTransport } from './mail-transport';

const BATCH = 50;
// Longer than any SMTP conversation (nodemailer's own timeouts are minutes at most).
const LEASE_MS = 10 * 60_000;

/** Works the e-mail outbox: due rows are claimed, sent once, and retried with backoff up to MAIL_MAX_ATTEMPTS. */
@Injectable()
export class MailSweep implements Sweep {
  readonly name = 'mail-outbox';
  readonly everyMs: number;
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
    const abandoned = await this.mails.failAbandoned(now);
    if (abandoned) {
      this.metrics.mails.inc({ outcome: 'abandoned' }, abandoned);
      this.logger.warn(`${abandoned} e-mail(s) abandoned mid-send marked failed (not resent)`);
    }
    for (const mail of await this.mails.claimDue(now, BATCH, LEASE_MS)) await this.sendOne(mail, now);
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
      await this.mails.markSent(mail.id, now);
      this.metrics.mails.inc({ outcome: 'sent' });
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
