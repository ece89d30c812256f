import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalSlaLevel } from '@dealgate/domain';
import { StepStatus } from '../requests/request.records';
import { ApprovalSlaEventEntity } from './sla-event.entity';

/** A pending step with a reminder or an escalation due and not yet emitted. */
export interface DueStep {
  requestId: string;
  stepIndex: number;
}

/** Pending steps with a reminder or an escalation due and not yet emitted, and the keys that make each once. */
@Injectable()
export class SlaRepository {
  /** Set-based: the steps past a deadline whose level has no event yet (one query however many steps wait). */
  async dueSteps(manager: EntityManager, now: Date, limit: number): Promise<DueStep[]> {
    return manager.query<DueStep[]>(
      `SELECT s.request_id AS "requestId", s.step_index AS "stepIndex" FROM approval_step s
       WHERE s.status = $3 AND (
         (s.due_at <= $1 AND NOT EXISTS (SELECT 1 FROM approval_sla_event e
            WHERE e.request_id = s.request_id AND e.step_index = s.step_index AND e.level = $4))
         OR (s.escalation_at <= $1 AND NOT EXISTS (SELECT 1 FROM approval_sla_event e
            WHERE e.request_id = s.request_id AND e.step_index = s.step_index AND e.level = $5)))
       ORDER BY s.due_at, s.request_id LIMIT $2`,
      [now, limit, StepStatus.Pending, ApprovalSlaLevel.Reminder, ApprovalSlaLevel.Escalation],
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
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalSlaEventEntity)
      .values({ key, requestId, stepIndex, level, dueAt, emittedAt: now })
      .orIgnore()
      .returning(['key'])
      .execute();
    return (result.raw as unknown[]).length > 0;
  }
}
