import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { NotificationsEnv } from '../notifications.env';
import { RenderedMail } from './mail-templates';

export interface OutgoingMail extends RenderedMail {
  /** The outbox row id: also the Message-ID, so a copy that went out twice is recognisable. */
  id: string;
  to: string;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes the message as an .eml file under MAIL_DIR (embedded
 * mode). Logs name the outbox row, never the address.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;

  constructor(private readonly config: NotificationsEnv) {
    this.toFiles = !config.SMTP_URL;
    this.transporter = config.SMTP_URL
      ? // Bounded conversations (nodemailer's defaults allow 10 minutes of socket silence): a send ends well within
        // MAIL_LEASE_MS, so an e-mail is never sent by two senders at once.
        createTransport({
          url: config.SMTP_URL,
          connectionTimeout: 30_000,
          greetingTimeout: 30_000,
          socketTimeout: 60_000,
        })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: `<${mail.id}@dealgate>`,
    })) as { message?: Buffer };
    if (this.toFiles) {
      const dir = resolve(this.config.MAIL_DIR);
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${mail.id}.eml`), info.message ?? '');
      this.logger.log(`E-mail ${mail.id} written to ${dir} (no SMTP_URL configured)`);
    } else {
      this.logger.log(`E-mail ${mail.id} sent over SMTP`);
    }
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
