import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock, CommonErrorCode, Page, toPage } from '@dealgate/common';
import { DomainError, NotificationErrorCode, notificationError } from '@dealgate/domain';
import { sealPersonalData } from '@dealgate/messages';
import { Principal } from '@dealgate/auth';
import { NotificationsEnv } from '../notifications.env';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDeliverySweep } from './webhook-delivery.sweep';
import { WebhookDestinationGuard } from './webhook-destination-guard';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhookRepository } from './webhook.repository';
import { DeliveryRecord, WebhookRecord } from './webhook.view';

/** The event type of a test delivery an admin asked for (`POST /api/webhooks/:id/test`); never a domain event. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

/** Admin management of webhook endpoints. Secrets are stored sealed and never returned. */
@Injectable()
export class WebhooksService {
  private readonly logger = new Logger(WebhooksService.name);

  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly config: NotificationsEnv,
    private readonly clock: Clock,
    private readonly sweep: WebhookDeliverySweep,
    private readonly destinations: WebhookDestinationGuard,
  ) {}

  private seal(secret: string): string {
    return sealPersonalData({ secret }, this.config.PII_KEY);
  }

  async create(dto: CreateWebhookDto, admin: Principal): Promise<WebhookRecord> {
    await this.destinations.assertRegistrable(dto.url);
    return this.webhooks.create(
      {
        url: dto.url,
        eventTypes: dto.eventTypes,
        sealedSecret: this.seal(dto.secret),
        description: dto.description ?? null,
        createdBy: admin.userId,
      },
      this.clock.now(),
    );
  }

  async list(page: { limit: number; offset: number }): Promise<Page<WebhookRecord>> {
    const { items, total } = await this.webhooks.list(page);
    return toPage(items, total, page);
  }

  async get(id: string): Promise<WebhookRecord> {
    return (await this.webhooks.get(id)) ?? this.notFound(id);
  }

  async update(id: string, dto: UpdateWebhookDto): Promise<WebhookRecord> {
    if (dto.url !== undefined) await this.destinations.assertRegistrable(dto.url);
    const updated = await this.webhooks.update(
      id,
      {
        url: dto.url,
        eventTypes: dto.eventTypes,
        sealedSecret: dto.secret ? this.seal(dto.secret) : undefined,
        description: dto.description,
        active: dto.active,
      },
      this.clock.now(),
    );
    return updated ?? this.notFound(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.webhooks.remove(id))) this.notFound(id);
  }

  async deliveriesOf(id: string, page: { limit: number; offset: number }): Promise<Page<DeliveryRecord>> {
    await this.get(id);
    const { items, total } = await this.deliveries.list(id, page);
    return toPage(items, total, page);
  }

  /**
   * A test event for one webhook, through the normal delivery path: a delivery row (event `webhook.test`, a fresh
   * message id) that the delivery sweep signs, POSTs, retries and logs like any other. The sweep is nudged at once
   * so the attempt follows within moments instead of at the next scheduled run.
   */
  async sendTest(id: string): Promise<DeliveryRecord> {
    const webhook = await this.get(id);
    if (!webhook.active) {
      throw new DomainError(
        CommonErrorCode.Conflict,
        'This webhook is paused or disabled: switch it on first, then send the test.',
        { webhookId: id },
      );
    }
    const now = this.clock.now();
    const messageId = randomUUID();
    // Ids only, like every event the webhooks send: the receiver can tell it from real traffic by `event`.
    const body = JSON.stringify({
      event: WEBHOOK_TEST_EVENT,
      messageId,
      occurredAt: now.toISOString(),
      data: { webhookId: id },
    });
    const delivery = await this.deliveries.enqueueOne(id, { messageId, eventType: WEBHOOK_TEST_EVENT, body });
    this.sweep.run(this.clock.now()).catch((error: unknown) => {
      this.logger.warn(`Webhook sweep after a test delivery failed: ${(error as Error).message}`);
    });
    return delivery;
  }

  private notFound(id: string): never {
    throw notificationError(NotificationErrorCode.WebhookNotFound, `No webhook ${id}.`);
  }
}
