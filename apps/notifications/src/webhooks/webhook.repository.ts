import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { WebhookEntity } from './webhook.entity';
import { NewWebhook, WebhookChanges } from './webhook.records';
import { WebhookRecord } from './webhook.view';
export { WebhookRecord };
export type { WebhookChanges };

/**
 * Webhook endpoints. The entity stays in here (the sealed secret never leaves it except to the delivery sweep, through
 * WebhookDeliveryRepository.claimDue): callers give and get records. Everything goes through the entity metadata.
 */
@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: NewWebhook, now: Date): Promise<WebhookRecord> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(WebhookEntity)
      .values({
        url: input.url,
        eventTypes: input.eventTypes,
        sealedSecret: input.sealedSecret,
        description: input.description,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toRecord(this.hydrate(result.raw)[0]);
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: WebhookRecord[]; total: number }> {
    const [entities, total] = await this.dataSource.manager.findAndCount(WebhookEntity, {
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: entities.map(toRecord), total };
  }

  async get(id: string): Promise<WebhookRecord | null> {
    const entity = await this.dataSource.manager.findOneBy(WebhookEntity, { id });
    return entity === null ? null : toRecord(entity);
  }

  /** Changes what is given (an absent or null field keeps its value; a null description clears it). */
  async update(id: string, changes: WebhookChanges, now: Date): Promise<WebhookRecord | null> {
    const set: QueryDeepPartialEntity<WebhookEntity> = { updatedAt: now };
    if (given(changes.url)) set.url = changes.url;
    if (given(changes.eventTypes)) set.eventTypes = changes.eventTypes;
    if (given(changes.sealedSecret)) set.sealedSecret = changes.sealedSecret;
    if (changes.description !== undefined) set.description = changes.description;
    if (given(changes.active)) set.active = changes.active;
    if (changes.active === true) {
      set.consecutiveFailures = 0;
      set.disabledAt = null;
    }
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WebhookEntity)
      .set(set)
      .where({ id })
      .returning('*')
      .execute();
    const [entity] = this.hydrate(result.raw);
    return entity === undefined ? null : toRecord(entity);
  }

  async remove(id: string): Promise<boolean> {
    const result = await this.dataSource.manager.delete(WebhookEntity, { id });
    return (result.affected ?? 0) > 0;
  }

  /** Active webhooks subscribed to an event type, read in the event handler's transaction. */
  async subscribedTo(manager: EntityManager, eventType: string): Promise<string[]> {
    const entities = await manager
      .createQueryBuilder(WebhookEntity, 'w')
      .select('w.id')
      .where({ active: true })
      .andWhere(':eventType = ANY(w.event_types)', { eventType })
      .orderBy('w.id')
      .getMany();
    return entities.map((w) => w.id);
  }

  private hydrate(raw: unknown): WebhookEntity[] {
    return hydrateRows(this.dataSource.manager, WebhookEntity, raw as Record<string, unknown>[]);
  }
}

/** Set, not absent nor null: the API's optional fields may come as null, which keeps the stored value. */
function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function toRecord(e: WebhookEntity): WebhookRecord {
  return {
    id: e.id,
    url: e.url,
    eventTypes: e.eventTypes,
    description: e.description,
    active: e.active,
    consecutiveFailures: e.consecutiveFailures,
    disabledAt: e.disabledAt,
    createdBy: e.createdBy,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}
