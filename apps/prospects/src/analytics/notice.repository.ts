import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Idempotency keys of the analytics sweeps: one notice per stall, per norm breach, per early warning. */
@Injectable()
export class NoticeRepository {
  /** True when this call took the key; false when a notice was already sent for it. */
  async claim(manager: EntityManager, key: string, kind: string, now: Date): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'INSERT INTO analytics_notice (key, kind, created_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING key',
      [key, kind, now],
    );
    return rows.length > 0;
  }

  async exists(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await manager.query<{ key: string }[]>('SELECT key FROM analytics_notice WHERE key = ANY($1)', [keys]);
    return new Set(rows.map((r) => r.key));
  }
}
