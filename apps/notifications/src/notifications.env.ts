import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, Min, ValidateBy } from 'class-validator';
import { ServiceEnv } from '@dealgate/common';
import { parseWebhookAllowList } from '@dealgate/domain';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && value !== '' ? Number(value) : value);

export class NotificationsEnv extends ServiceEnv {
  override PORT = 3004;

  /** e.g. smtp://user:pass@mail.example.com:587. Without it e-mails are written as .eml files under MAIL_DIR. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Matches(/^[^@\s]+@[^@\s]+$/, { message: 'must be an e-mail address' })
  MAIL_FROM = 'dealgate@localhost';

  @IsString()
  MAIL_DIR = './var/mail';

  /** Where the console is reached; e-mail links point under it. */
  @Matches(/^https?:\/\/.+/, { message: 'must be an http(s):// URL' })
  PUBLIC_URL = 'http://localhost:3000';

  /** The mail sweep's safety poll: a commit that queues an e-mail runs it at once (SWEEP_WAKE_ON_COMMIT). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  MAIL_SWEEP_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  MAIL_MAX_ATTEMPTS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  MAIL_BACKOFF_MS = 60_000;

  /**
   * How long a claimed e-mail may stay `sending` before it counts as abandoned (its sender died mid-send) and is sent
   * again. Longer than any SMTP conversation: the transport's own timeouts end one within about two minutes.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  MAIL_LEASE_MS = 5 * 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1000)
  DIGEST_SWEEP_MS = 60_000;

  /** The delivery sweep's safety poll: a commit that queues a delivery runs it at once (SWEEP_WAKE_ON_COMMIT). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  WEBHOOK_SWEEP_MS = 60_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  WEBHOOK_MAX_ATTEMPTS = 8;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_BACKOFF_MS = 30_000;

  /** Consecutive failed attempts (across deliveries) after which a webhook is disabled. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WEBHOOK_DISABLE_AFTER = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /**
   * Webhook receivers on internal addresses (on-premises), comma-separated: host names (`erp.corp.example`),
   * `*.suffix` names, IP addresses and CIDR ranges (`10.20.0.0/16`). Without it webhooks reach public addresses only.
   */
  @IsOptional()
  @ValidateBy({
    name: 'webhookAllowList',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseWebhookAllowList(value).invalid.length === 0,
      defaultMessage: (args) =>
        `must be comma-separated host names, *.suffix names, IP addresses or CIDR ranges (not: ${parseWebhookAllowList(
          String(args?.value),
        ).invalid.join(', ')})`,
    },
  })
  WEBHOOK_ALLOW_HOSTS?: string;

  /** Live streams re-check the inbox this often (a fallback to LISTEN/NOTIFY) and send a keep-alive comment. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  STREAM_POLL_MS = 15_000;

  /**
   * An open stream asks the directory copy this often whether its token was revoked (deactivation, logout, a
   * password or role change) and ends when it was: a reconnect with that token is then refused.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  STREAM_REVOCATION_MS = 5_000;
}
