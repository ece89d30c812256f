import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FunnelEventKind, FunnelTransition, ProspectStatus } from '@dealgate/domain';
import { TransitionLogEntry } from './prospect.view';
export { TransitionLogEntry };

interface Row {
  id: string;
  prospect_id: string;
  event_kind: FunnelEventKind;
  from_stage: string;
  to_stage: string;
  from_status: string;
  to_status: string;
  at: Date;
  actor_id: string | null;
  evidence_kind: string | null;
  evidence_id: string | null;
  lost_reason_code: string | null;
  lost_reason_note: string | null;
  product_line_id: string;
  unit_id: string;
  owner_id: string | null;
}

const toEntry = (r: Row): TransitionLogEntry => ({
  id: String(r.id),
  prospectId: r.prospect_id,
  eventKind: r.event_kind,
  fromStage: r.from_stage,
  toStage: r.to_stage,
  fromStatus: r.from_status,
  toStatus: r.to_status,
  at: new Date(r.at).toISOString(),
  actorId: r.actor_id,
  evidenceKind: r.evidence_kind,
  evidenceId: r.evidence_id,
  lostReasonCode: r.lost_reason_code,
  lostReasonNote: r.lost_reason_note,
  productLineId: r.product_line_id,
  unitId: r.unit_id,
  ownerId: r.owner_id,
});

export interface AppendTransition {
  prospectId: string;
  eventKind: FunnelEventKind;
  transition: FunnelTransition;
  at: Date;
  actorId: string | null;
  productLineId: string;
  unitId: string;
  ownerId: string | null;
}

@Injectable()
export class TransitionLogRepository {
  /** Append only: the table refuses updates and deletes. */
  async append(manager: EntityManager, t: AppendTransition): Promise<TransitionLogEntry> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO stage_transition (prospect_id, event_kind, from_stage, to_stage, from_status, to_status, at, actor_id,
         evidence_kind, evidence_id, lost_reason_code, lost_reason_note, product_line_id, unit_id, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
      [
        t.prospectId,
        t.eventKind,
        t.transition.fromStage,
        t.transition.toStage,
        t.transition.fromStatus,
        t.transition.toStatus,
        t.at,
        t.actorId,
        t.transition.evidence?.kind ?? null,
        t.transition.evidence?.id ?? null,
        t.transition.toStatus === ProspectStatus.Lost ? (t.transition.lostReason?.code ?? null) : null,
        t.transition.toStatus === ProspectStatus.Lost ? (t.transition.lostReason?.note ?? null) : null,
        t.productLineId,
        t.unitId,
        t.ownerId,
      ],
    );
    return toEntry(rows[0]);
  }

  async forProspect(manager: EntityManager, prospectId: string): Promise<TransitionLogEntry[]> {
    const rows = await manager.query<Row[]>('SELECT * FROM stage_transition WHERE prospect_id = $1 ORDER BY id', [
      prospectId,
    ]);
    return rows.map(toEntry);
  }
}
