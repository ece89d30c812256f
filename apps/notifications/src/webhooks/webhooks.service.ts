import { Injectable } from '@nestjs/common';
import { Clock, Page, toPage } from '@dealgate/common';
import { NotificationErrorCode, notificationError } from '@dealgate/domain';
import { sealPersonalData } from '@dealgate/messages';
import { Principal } from '@dealgate/auth';
import { NotificationsEnv } from '../notifications.env';
import { DeliveryRecord, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { CreateWebhookDto, UpdateWebhookDto } from './webhook.dto';
import { WebhookRecord, WebhookRepository } from './webhook.repository';

/** Admin management of webhook endpoints. Secrets are stored sealed and never returned. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly config: NotificationsEnv,
    private readonly clock: Clock,
  ) {}

  private seal(secret: string): string {
    return sealPersonalData({ secret }, this.config.PII_KEY);
  }

  create(dto: CreateWebhookDto, admin: Principal): Promise<WebhookRecord> {
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

  private notFound(id: string): never {
    throw notificationError(NotificationErrorCode.WebhookNotFound, `No webhook ${id}.`);
  }
}
