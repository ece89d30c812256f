import { Injectable } from '@nestjs/common';
import { EntityManager, In, QueryDeepPartialEntity } from 'typeorm';
import { ApprovalAuditEntity } from './audit.entity';
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

const toEntry = (e: ApprovalAuditEntity): AuditEntry => ({
  id: String(e.id),
  requestId: e.requestId,
  action: e.action,
  actorId: e.actorId,
  onBehalfOf: e.onBehalfOf,
  stepIndex: e.stepIndex,
  detail: e.detail,
  at: e.at.toISOString(),
});

/** The append-only trail (a trigger refuses updates and deletes). Always written in the caller's transaction. */
@Injectable()
export class AuditRepository {
  async record(manager: EntityManager, entry: NewAuditEntry): Promise<void> {
    const row: Omit<ApprovalAuditEntity, 'id'> = {
      requestId: entry.requestId ?? null,
      subjectId: entry.subjectId ?? null,
      action: entry.action,
      actorId: entry.actorId,
      onBehalfOf: entry.onBehalfOf ?? null,
      stepIndex: entry.stepIndex ?? null,
      detail: entry.detail ?? {},
      at: entry.at,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalAuditEntity)
      // The cast: the query builder's deep-partial type does not take an open jsonb record (detail).
      .values(row as QueryDeepPartialEntity<ApprovalAuditEntity>)
      .execute();
  }

  async forRequests(manager: EntityManager, requestIds: readonly string[]): Promise<AuditEntry[]> {
    if (requestIds.length === 0) return [];
    const entities = await manager.find(ApprovalAuditEntity, {
      where: { requestId: In([...requestIds]) },
      order: { id: 'ASC' },
    });
    return entities.map(toEntry);
  }
}
