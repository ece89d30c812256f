import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Voids that arrived before their request (jobs are not ordered across retries). */
@Injectable()
export class VoidNoticeRepository {
  async remember(manager: EntityManager, requestId: string, reason: string, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO approval_void_notice (request_id, reason, received_at) VALUES ($1, $2, $3)
       ON CONFLICT (request_id) DO NOTHING`,
      [requestId, reason, at],
    );
  }

  async find(manager: EntityManager, requestId: string): Promise<{ reason: string } | null> {
    const rows = await manager.query<{ reason: string }[]>(
      'SELECT reason FROM approval_void_notice WHERE request_id = $1',
      [requestId],
    );
    return rows[0] ?? null;
  }
}
