import { Inject, Injectable } from '@nestjs/common';
import { Counter, Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@dealgate/common';

/** Outcomes of the delivery channels, for alerts on a failing SMTP server or receiver (served at /metrics). */
@Injectable()
export class NotificationMetrics {
  readonly mails: Counter<'outcome'>;
  readonly webhookAttempts: Counter<'outcome'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.mails = new Counter({
      name: 'notification_mails_total',
      help: 'E-mails by outcome: sent, retry, failed, skipped, abandoned',
      labelNames: ['outcome'],
      registers: [registry],
    });
    this.webhookAttempts = new Counter({
      name: 'webhook_attempts_total',
      help: 'Webhook delivery attempts by outcome: succeeded, retry, failed, disabled',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }
}
