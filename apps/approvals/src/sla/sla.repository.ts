import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalSlaLevel } from '@dealgate/domain';

/** Pending steps with a reminder or an escalation due and not yet emitted, and the keys that make each once. */
@Injectable()
export class SlaRepository {
  async dueSteps(
    manager: EntityManager,
    now: Date,
    limit: number,
  ): Promise<{ request_id: string; step_index: number }[]> {
    return manager.query(
      `SELECT s.request_id, s.step_index FROM approval_step s
       WHERE s.status = 'pending' AND (
         (s.due_at <= $1 AND NOT EXISTS (SELECT 1 FROM approval_sla_event e
            WHERE e.request_id = s.request_id AND e.step_index = s.step_index AND e.level = 'reminder'))
         OR (s.escalation_at <= $1 AND NOT EXISTS (SELECT 1 FROM approval_sla_event e
            WHERE e.request_id = s.request_id AND e.step_index = s.step_index AND e.level = 'escalation')))
       ORDER BY s.due_at, s.request_id LIMIT $2`,
      [now, limit],
    );
  }

  /** True when this call stored the key, i.e. the level was not emitted before (by this or another replica). */
  async claim(
    manager: EntityManager,
    key: string,
    requestId: string,
    stepIndex: number,
    level: ApprovalSlaLevel,
    dueAt: Date,
    now: Date,
  ): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO approval_sla_event (key, request_id, step_index, level, due_at, emitted_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING RETURNING key`,
      [key, requestId, stepIndex, level, dueAt, now],
    );
    return rows.length > 0;
  }
}
