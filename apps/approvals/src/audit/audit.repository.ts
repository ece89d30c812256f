import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditEntry } from './audit.view';
export { AuditEntry };

/** What the audit trail records. Values are stored: never rename. */
export enum AuditAction {
  Requested = 'requested',
  StepOpened = 'step_opened',
  Approved = 'approved',
  Rejected = 'rejected',
  Recalled = 'recalled',
  Voided = 'voided',
  /** The subject's service could not apply the approval: it became a rejection. */
  Overruled = 'overruled',
  Reminded = 'reminded',
  Escalated = 'escalated',
  DelegationCreated = 'delegation_created',
  DelegationRevoked = 'delegation_revoked',
  PolicyUpdated = 'policy_updated',
}

export interface NewAuditEntry {
  requestId?: string | null;
  subjectId?: string | null;
  action: AuditAction;
  actorId: string | null;
  onBehalfOf?: string | null;
  stepIndex?: number | null;
  detail?: Record<string, unknown>;
  at: Date;
}

interface AuditRow {
  id: string;
  request_id: string | null;
  action: AuditAction;
  actor_id: string | null;
  on_behalf_of: string | null;
  step_index: number | null;
  detail: Record<string, unknown>;
  at: Date;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: String(r.id),
  requestId: r.request_id,
  action: r.action,
  actorId: r.actor_id,
  onBehalfOf: r.on_behalf_of,
  stepIndex: r.step_index,
  detail: r.detail,
  at: new Date(r.at).toISOString(),
});

/** The append-only trail (a trigger refuses updates and deletes). Always written in the caller's transaction. */
@Injectable()
export class AuditRepository {
  async record(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO approval_audit (request_id, subject_id, action, actor_id, on_behalf_of, step_index, detail, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        entry.requestId ?? null,
        entry.subjectId ?? null,
        entry.action,
        entry.actorId,
        entry.onBehalfOf ?? null,
        entry.stepIndex ?? null,
        JSON.stringify(entry.detail ?? {}),
        entry.at,
      ],
    );
  }

  async forRequests(manager: EntityManager, requestIds: readonly string[]): Promise<AuditEntry[]> {
    if (requestIds.length === 0) return [];
    const rows = await manager.query<AuditRow[]>(
      'SELECT * FROM approval_audit WHERE request_id = ANY($1::uuid[]) ORDER BY id',
      [requestIds],
    );
    return rows.map(toEntry);
  }
}
