import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual, QueryDeepPartialEntity } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { markForCommitWake } from '@dealgate/messaging';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import { AttemptResult, ClaimedDelivery, DeliveryEvent, WEBHOOK_DELIVERY_SWEEP } from './webhook-delivery.records';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEntity } from './webhook.entity';
import { DeliveryRecord } from './webhook.view';
export { DeliveryRecord };
export type { AttemptResult, ClaimedDelivery };

/** The longest error text kept in the attempt log. */
const ERROR_LENGTH = 1000;

/**
 * One row per webhook and event, worked by the delivery sweep: pending -> delivering -> succeeded | pending | failed.
 * Entities stay in here: callers give and get records (webhook-delivery.records.ts, webhook.view.ts). Rows are read
 * and written through the entity metadata (query builder; the claim locks with SKIP LOCKED). The one read left in
 * SQL is the deliveries with their attempt logs (deliveryPage), whose log PostgreSQL aggregates as JSON.
 */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue(manager: EntityManager, webhookIds: string[], event: DeliveryEvent): Promise<void> {
    if (webhookIds.length === 0) return;
    // Its commit runs the delivery sweep at once.
    markForCommitWake(manager, WEBHOOK_DELIVERY_SWEEP);
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDeliveryEntity)
      .values(
        webhookIds.map((webhookId) => ({
          webhookId,
          messageId: event.messageId,
          eventType: event.eventType,
          body: event.body,
        })),
      )
      // (webhook_id, message_id) is the only unique constraint a new row can meet (the id is fresh).
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  /** One delivery outside an event's transaction (a test event an admin asked for); answers it as the log shows it. */
  async enqueueOne(webhookId: string, event: DeliveryEvent): Promise<DeliveryRecord> {
    await this.dataSource.transaction((manager) => this.enqueue(manager, [webhookId], event));
    const [record] = await deliveryPage(this.dataSource.manager, 'd.webhook_id = $1 AND d.message_id = $2', [
      webhookId,
      event.messageId,
    ]);
    return record;
  }

  /** A delivery whose sender died mid-request goes back to pending (webhooks are at least once; receivers dedupe by delivery id). */
  async releaseExpiredLeases(now: Date): Promise<number> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(WebhookDeliveryEntity)
      .set({ status: 'pending', leaseUntil: null, lastError: 'interrupted while delivering' })
      .where({ status: 'delivering', leaseUntil: LessThanOrEqual(now) })
      .execute();
    return result.affected ?? 0;
  }

  /** Claims due deliveries of active webhooks (replicas skip each other's) and commits `delivering` before any POST. */
  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(WebhookDeliveryEntity, 'd')
        .select('d.id')
        .innerJoin(WebhookEntity, 'w', 'w.id = d.webhook_id')
        .where({ status: 'pending', nextAttemptAt: LessThanOrEqual(now) })
        .andWhere('w.active')
        .orderBy('d.nextAttemptAt')
        .limit(limit)
        // Locks the deliveries only (FOR UPDATE OF d): claims of other deliveries to the same webhook go on.
        .setLock('pessimistic_write', undefined, ['d'])
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return [];
      const result = await manager
        .createQueryBuilder()
        .update(WebhookDeliveryEntity)
        .set({ status: 'delivering', attempts: () => 'attempts + 1', leaseUntil: new Date(now.getTime() + leaseMs) })
        .where({ id: In(due.map((d) => d.id)) })
        .returning('*')
        .execute();
      const claimed = hydrateRows(manager, WebhookDeliveryEntity, result.raw as Record<string, unknown>[]);
      const webhooks = await manager.findBy(WebhookEntity, { id: In([...new Set(claimed.map((d) => d.webhookId))]) });
      const byId = new Map(webhooks.map((w) => [w.id, w]));
      return claimed.map((d) => ({
        id: d.id,
        webhookId: d.webhookId,
        messageId: d.messageId,
        eventType: d.eventType,
        body: d.body,
        attempts: d.attempts,
        url: byId.get(d.webhookId)!.url,
        sealedSecret: byId.get(d.webhookId)!.sealedSecret,
      }));
    });
  }

  async recordSuccess(delivery: ClaimedDelivery, result: AttemptResult): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.logAttempt(manager, delivery.id, result);
      await this.setDelivery(manager, delivery.id, {
        status: 'succeeded',
        deliveredAt: result.at,
        leaseUntil: null,
        lastStatusCode: result.statusCode,
        lastError: null,
      });
      await manager
        .createQueryBuilder()
        .update(WebhookEntity)
        .set({ consecutiveFailures: 0 })
        .where({ id: delivery.webhookId })
        .execute();
    });
  }

  /**
   * Logs the failed attempt, schedules the retry (`retryAt`) or gives up (null), counts the webhook's consecutive
   * failures and disables it when `disable(count)` says so. One transaction. Returns whether it was disabled.
   */
  async recordFailure(
    delivery: ClaimedDelivery,
    result: AttemptResult,
    retryAt: Date | null,
    disable: (failures: number) => boolean,
  ): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      await this.logAttempt(manager, delivery.id, result);
      await this.setDelivery(manager, delivery.id, {
        status: retryAt ? 'pending' : 'failed',
        ...(retryAt ? { nextAttemptAt: retryAt } : {}),
        leaseUntil: null,
        lastStatusCode: result.statusCode,
        lastError: result.error,
      });
      const counted = await manager
        .createQueryBuilder()
        .update(WebhookEntity)
        .set({ consecutiveFailures: () => 'consecutive_failures + 1' })
        .where({ id: delivery.webhookId })
        .returning('*')
        .execute();
      const [webhook] = hydrateRows(manager, WebhookEntity, counted.raw as Record<string, unknown>[]);
      if (!webhook?.active || !disable(webhook.consecutiveFailures)) return false;
      await manager
        .createQueryBuilder()
        .update(WebhookEntity)
        .set({ active: false, disabledAt: result.at })
        .where({ id: delivery.webhookId })
        .execute();
      return true;
    });
  }

  /** Newest first, each with its attempt log. */
  async list(
    webhookId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: DeliveryRecord[]; total: number }> {
    const items = await deliveryPage(
      this.dataSource.manager,
      'd.webhook_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3',
      [webhookId, page.limit, page.offset],
    );
    const total = await this.dataSource.manager.countBy(WebhookDeliveryEntity, { webhookId });
    return { items, total };
  }

  private async logAttempt(manager: EntityManager, deliveryId: string, r: AttemptResult): Promise<void> {
    const row: Omit<WebhookAttemptEntity, 'id'> = {
      deliveryId,
      attempt: r.attempt,
      attemptedAt: r.at,
      statusCode: r.statusCode,
      error: r.error?.slice(0, ERROR_LENGTH) ?? null,
      durationMs: r.durationMs,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookAttemptEntity)
      .values(row)
      // (delivery_id, attempt): a sender that retries recording the same attempt logs it once.
      .orIgnore()
      .updateEntity(false)
      .execute();
  }

  private async setDelivery(
    manager: EntityManager,
    id: string,
    changes: QueryDeepPartialEntity<WebhookDeliveryEntity>,
  ): Promise<void> {
    await manager.createQueryBuilder().update(WebhookDeliveryEntity).set(changes).where({ id }).execute();
  }
}

/**
 * Deliveries with their attempt logs, as the API shows them: `SELECT d.*` read back as entities (hydrateRows), the
 * log aggregated by PostgreSQL (its JSON timestamps are what the API has always answered). `where` is the rest of
 * the statement after WHERE, with `$n` parameters.
 */
async function deliveryPage(manager: EntityManager, where: string, params: unknown[]): Promise<DeliveryRecord[]> {
  const rows = await manager.query<(Record<string, unknown> & { log: DeliveryRecord['log'] })[]>(
    `SELECT d.*,
       COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.attempted_at, 'statusCode', a.status_code,
                  'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.attempt)
                 FROM webhook_attempt a WHERE a.delivery_id = d.id), '[]') AS log
       FROM webhook_delivery d WHERE ${where}`,
    params,
  );
  return hydrateRows(manager, WebhookDeliveryEntity, rows).map((e, i) => ({
    id: e.id,
    messageId: e.messageId,
    eventType: e.eventType,
    status: e.status,
    attempts: e.attempts,
    nextAttemptAt: e.status === 'pending' ? e.nextAttemptAt : null,
    lastStatusCode: e.lastStatusCode,
    lastError: e.lastError,
    createdAt: e.createdAt,
    deliveredAt: e.deliveredAt,
    log: rows[i].log,
  }));
}
