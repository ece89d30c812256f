import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookRecord } from './webhook.view';
export { WebhookRecord };

interface Row {
  id: string;
  url: string;
  event_types: string[];
  description: string | null;
  active: boolean;
  consecutive_failures: number;
  disabled_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

// The sealed secret never leaves this file except to the sender.
const COLUMNS =
  'id, url, event_types, description, active, consecutive_failures, disabled_at, created_by, created_at, updated_at';

const toRecord = (r: Row): WebhookRecord => ({
  id: r.id,
  url: r.url,
  eventTypes: r.event_types,
  description: r.description,
  active: r.active,
  consecutiveFailures: r.consecutive_failures,
  disabledAt: r.disabled_at ? new Date(r.disabled_at) : null,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export interface WebhookChanges {
  url?: string;
  eventTypes?: string[];
  sealedSecret?: string;
  description?: string | null;
  /** true re-enables a disabled webhook and forgets its failures; false pauses it. */
  active?: boolean;
}

@Injectable()
export class WebhookRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    input: { url: string; eventTypes: string[]; sealedSecret: string; description: string | null; createdBy: string },
    now: Date,
  ): Promise<WebhookRecord> {
    const rows = await this.dataSource.query<Row[]>(
      `INSERT INTO webhook (url, event_types, sealed_secret, description, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
      [input.url, input.eventTypes, input.sealedSecret, input.description, input.createdBy, now],
    );
    return toRecord(rows[0]);
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: WebhookRecord[]; total: number }> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM webhook ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [page.limit, page.offset],
    );
    const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM webhook');
    return { items: rows.map(toRecord), total: n };
  }

  async get(id: string): Promise<WebhookRecord | null> {
    const rows = await this.dataSource.query<Row[]>(`SELECT ${COLUMNS} FROM webhook WHERE id = $1`, [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async update(id: string, changes: WebhookChanges, now: Date): Promise<WebhookRecord | null> {
    const [rows] = await this.dataSource.query<[Row[], number]>(
      `UPDATE webhook SET
         url = COALESCE($2, url),
         event_types = COALESCE($3, event_types),
         sealed_secret = COALESCE($4, sealed_secret),
         description = CASE WHEN $5 THEN $6 ELSE description END,
         active = COALESCE($7, active),
         consecutive_failures = CASE WHEN $7 IS TRUE THEN 0 ELSE consecutive_failures END,
         disabled_at = CASE WHEN $7 IS TRUE THEN NULL ELSE disabled_at END,
         updated_at = $8
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        changes.url ?? null,
        changes.eventTypes ?? null,
        changes.sealedSecret ?? null,
        changes.description !== undefined,
        changes.description ?? null,
        changes.active ?? null,
        now,
      ],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async remove(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown[], number]>('DELETE FROM webhook WHERE id = $1', [id]);
    return count > 0;
  }

  /** Active webhooks subscribed to an event type, read in the event handler's transaction. */
  async subscribedTo(manager: EntityManager, eventType: string): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      'SELECT id FROM webhook WHERE active AND $1 = ANY(event_types) ORDER BY id',
      [eventType],
    );
    return rows.map((r) => r.id);
  }
}
