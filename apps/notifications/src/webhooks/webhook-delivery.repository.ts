import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryRecord } from './webhook.view';
export { DeliveryRecord };

export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  messageId: string;
  eventType: string;
  body: string;
  attempts: number;
  url: string;
  sealedSecret: string;
}

export interface AttemptResult {
  attempt: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

interface ListRow {
  id: string;
  message_id: string;
  event_type: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  log: DeliveryRecord['log'];
}

const LIST_COLUMNS = `d.id, d.message_id, d.event_type, d.status, d.attempts, d.next_attempt_at, d.last_status_code,
  d.last_error, d.created_at, d.delivered_at,
  COALESCE((SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.attempted_at, 'statusCode', a.status_code,
             'error', a.error, 'durationMs', a.duration_ms) ORDER BY a.attempt)
            FROM webhook_attempt a WHERE a.delivery_id = d.id), '[]') AS log`;

const toDeliveryRecord = (r: ListRow): DeliveryRecord => ({
  id: r.id,
  messageId: r.message_id,
  eventType: r.event_type,
  status: r.status,
  attempts: r.attempts,
  nextAttemptAt: r.status === 'pending' ? new Date(r.next_attempt_at) : null,
  lastStatusCode: r.last_status_code,
  lastError: r.last_error,
  createdAt: new Date(r.created_at),
  deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
  log: r.log,
});

/** One row per webhook and event, worked by the delivery sweep: pending -> delivering -> succeeded | pending | failed. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async enqueue(
    manager: EntityManager,
    webhookIds: string[],
    event: { messageId: string; eventType: string; body: string },
  ): Promise<void> {
    for (const webhookId of webhookIds) {
      await manager.query(
        `INSERT INTO webhook_delivery (webhook_id, message_id, event_type, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (webhook_id, message_id) DO NOTHING`,
        [webhookId, event.messageId, event.eventType, event.body],
      );
    }
  }

  /** One delivery outside an event's transaction (a test event an admin asked for); answers it as the log shows it. */
  async enqueueOne(
    webhookId: string,
    event: { messageId: string; eventType: string; body: string },
  ): Promise<DeliveryRecord> {
    await this.dataSource.transaction((manager) => this.enqueue(manager, [webhookId], event));
    const rows = await this.dataSource.query<ListRow[]>(
      `SELECT ${LIST_COLUMNS} FROM webhook_delivery d WHERE d.webhook_id = $1 AND d.message_id = $2`,
      [webhookId, event.messageId],
    );
    return toDeliveryRecord(rows[0]);
  }

  /** A delivery whose sender died mid-request goes back to pending (webhooks are at least once; receivers dedupe by delivery id). */
  async releaseExpiredLeases(now: Date): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `UPDATE webhook_delivery SET status = 'pending', lease_until = NULL, last_error = 'interrupted while delivering'
        WHERE status = 'delivering' AND lease_until <= $1`,
      [now],
    );
    return count;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const [rows] = await this.dataSource.query<
      [
        {
          id: string;
          webhook_id: string;
          message_id: string;
          event_type: string;
          body: string;
          attempts: number;
          url: string;
          sealed_secret: string;
        }[],
        number,
      ]
    >(
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
          WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND w.active
          ORDER BY d.next_attempt_at LIMIT $3 FOR UPDATE OF d SKIP LOCKED)
       UPDATE webhook_delivery d SET status = 'delivering', attempts = d.attempts + 1, lease_until = $2
         FROM due, webhook w WHERE d.id = due.id AND w.id = d.webhook_id
       RETURNING d.id, d.webhook_id, d.message_id, d.event_type, d.body, d.attempts, w.url, w.sealed_secret`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      messageId: r.message_id,
      eventType: r.event_type,
      body: r.body,
      attempts: r.attempts,
      url: r.url,
      sealedSecret: r.sealed_secret,
    }));
  }

  async recordSuccess(delivery: ClaimedDelivery, result: AttemptResult): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.logAttempt(manager, delivery.id, result);
      await manager.query(
        `UPDATE webhook_delivery SET status = 'succeeded', delivered_at = $2, lease_until = NULL, last_status_code = $3, last_error = NULL WHERE id = $1`,
        [delivery.id, result.at, result.statusCode],
      );
      await manager.query('UPDATE webhook SET consecutive_failures = 0 WHERE id = $1', [delivery.webhookId]);
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
      await manager.query(
        `UPDATE webhook_delivery SET status = $2, next_attempt_at = COALESCE($3, next_attempt_at), lease_until = NULL,
           last_status_code = $4, last_error = $5 WHERE id = $1`,
        [delivery.id, retryAt ? 'pending' : 'failed', retryAt, result.statusCode, result.error],
      );
      const [rows] = await manager.query<[{ consecutive_failures: number; active: boolean }[], number]>(
        'UPDATE webhook SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures, active',
        [delivery.webhookId],
      );
      const webhook = rows[0];
      if (!webhook?.active || !disable(webhook.consecutive_failures)) return false;
      await manager.query('UPDATE webhook SET active = false, disabled_at = $2 WHERE id = $1', [
        delivery.webhookId,
        result.at,
      ]);
      return true;
    });
  }

  private async logAttempt(manager: EntityManager, deliveryId: string, r: AttemptResult): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      [deliveryId, r.attempt, r.at, r.statusCode, r.error?.slice(0, 1000) ?? null, r.durationMs],
    );
  }

  /** Newest first, each with its attempt log. */
  async list(
    webhookId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: DeliveryRecord[]; total: number }> {
    const rows = await this.dataSource.query<ListRow[]>(
      `SELECT ${LIST_COLUMNS}
         FROM webhook_delivery d WHERE d.webhook_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3`,
      [webhookId, page.limit, page.offset],
    );
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM webhook_delivery WHERE webhook_id = $1',
      [webhookId],
    );
    return { items: rows.map(toDeliveryRecord), total: n };
  }
}
