import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FunnelEventKind, FunnelTransition, ProspectStatus } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { StageTransitionEntity } from './stage-transition.entity';
import { TransitionLogEntry } from './prospect.view';
export { TransitionLogEntry };

const toEntry = (e: StageTransitionEntity): TransitionLogEntry => ({
  id: e.id,
  prospectId: e.prospectId,
  eventKind: e.eventKind,
  fromStage: e.fromStage,
  toStage: e.toStage,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  at: e.at.toISOString(),
  actorId: e.actorId,
  evidenceKind: e.evidenceKind,
  evidenceId: e.evidenceId,
  lostReasonCode: e.lostReasonCode,
  lostReasonNote: e.lostReasonNote,
  productLineId: e.productLineId,
  unitId: e.unitId,
  ownerId: e.ownerId,
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
    const lost = t.transition.toStatus === ProspectStatus.Lost;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(StageTransitionEntity)
      .values({
        prospectId: t.prospectId,
        eventKind: t.eventKind,
        fromStage: t.transition.fromStage,
        toStage: t.transition.toStage,
        fromStatus: t.transition.fromStatus,
        toStatus: t.transition.toStatus,
        at: t.at,
        actorId: t.actorId,
        evidenceKind: t.transition.evidence?.kind ?? null,
        evidenceId: t.transition.evidence?.id ?? null,
        lostReasonCode: lost ? (t.transition.lostReason?.code ?? null) : null,
        lostReasonNote: lost ? (t.transition.lostReason?.note ?? null) : null,
        productLineId: t.productLineId,
        unitId: t.unitId,
        ownerId: t.ownerId,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toEntry(hydrateRows(manager, StageTransitionEntity, result.raw as Record<string, unknown>[])[0]);
  }

  async forProspect(manager: EntityManager, prospectId: string): Promise<TransitionLogEntry[]> {
    // By id: the sequence's order, the order they were written in.
    const entities = await manager
      .createQueryBuilder(StageTransitionEntity, 't')
      .where({ prospectId })
      .orderBy('t.id')
      .getMany();
    return entities.map(toEntry);
  }
}
