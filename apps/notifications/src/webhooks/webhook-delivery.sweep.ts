import { Injectable, Logger } from '@nestjs/common';
import { afterFailedAttempt, shouldDisableWebhook } from '@dealgate/domain';
import { openPersonalData } from '@dealgate/messages';
import { Sweep } from '@dealgate/messaging';
import { NotificationMetrics } from '../notification-metrics';
import { NotificationsEnv } from '../notifications.env';
import { ClaimedDelivery, WEBHOOK_DELIVERY_SWEEP } from './webhook-delivery.records';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookSender } from './webhook-sender';

const BATCH = 50;

/** Works the delivery table: due deliveries of active webhooks are POSTed, retried with backoff, and logged. */
@Injectable()
export class WebhookDeliverySweep implements Sweep {
  readonly name = WEBHOOK_DELIVERY_SWEEP;
  readonly everyMs: number;
  readonly wakeOnCommitOf = WEBHOOK_DELIVERY_SWEEP;
  private readonly logger = new Logger(WebhookDeliverySweep.name);

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
    private readonly config: NotificationsEnv,
    private readonly metrics: NotificationMetrics,
  ) {
    this.everyMs = config.WEBHOOK_SWEEP_MS;
  }

  async run(now: Date): Promise<void> {
    await this.deliveries.releaseExpiredLeases(now);
    // The lease outlives the request timeout, so a live sender is never overtaken.
    const claimed = await this.deliveries.claimDue(now, BATCH, this.config.WEBHOOK_TIMEOUT_MS * 3);
    await Promise.all(claimed.map((d) => this.deliver(d, now)));
  }

  private async deliver(delivery: ClaimedDelivery, now: Date): Promise<void> {
    const { secret } = openPersonalData<{ secret: string }>(delivery.sealedSecret, this.config.PII_KEY);
    const result = await this.sender.post({
      url: delivery.url,
      secret,
      body: delivery.body,
      deliveryId: delivery.id,
      eventType: delivery.eventType,
    });
    const attempt = {
      attempt: delivery.attempts,
      at: now,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
    };
    if (result.ok) {
      await this.deliveries.recordSuccess(delivery, attempt);
      this.metrics.webhookAttempts.inc({ outcome: 'succeeded' });
      return;
    }
    const next = afterFailedAttempt({
      attempts: delivery.attempts,
      maxAttempts: this.config.WEBHOOK_MAX_ATTEMPTS,
      now,
      baseMs: this.config.WEBHOOK_BACKOFF_MS,
    });
    const disabled = await this.deliveries.recordFailure(
      delivery,
      attempt,
      next.kind === 'retry' ? next.at : null,
      (failures) => shouldDisableWebhook(failures, this.config.WEBHOOK_DISABLE_AFTER),
    );
    this.logger.warn(
      `Webhook delivery ${delivery.id} attempt ${delivery.attempts} failed (${result.error}: ${result.detail ?? '-'}); ${next.kind}`,
    );
    this.metrics.webhookAttempts.inc({ outcome: next.kind === 'retry' ? 'retry' : 'failed' });
    if (disabled) {
      this.metrics.webhookAttempts.inc({ outcome: 'disabled' });
      this.logger.warn(
        `Webhook ${delivery.webhookId} disabled after ${this.config.WEBHOOK_DISABLE_AFTER} consecutive failures`,
      );
    }
  }
}
