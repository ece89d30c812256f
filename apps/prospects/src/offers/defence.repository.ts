import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { DefenceEntity } from './defence.entity';
import { DefenceView } from './offer.view';
export { DefenceView };

const toView = (e: DefenceEntity): DefenceView => ({
  id: e.id,
  prospectId: e.prospectId,
  offerId: e.offerId,
  heldAt: e.heldAt.toISOString(),
  channel: e.channel,
  attendees: e.attendees,
  outcome: e.outcome,
  note: e.note,
  recordedBy: e.recordedBy,
  createdAt: e.createdAt.toISOString(),
});

/** The defences of offers; entities stay in here, callers get DefenceViews. */
@Injectable()
export class DefenceRepository {
  async insert(
    manager: EntityManager,
    d: Omit<DefenceView, 'heldAt' | 'createdAt'> & { heldAt: Date; at: Date },
  ): Promise<DefenceView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(DefenceEntity)
      .values({
        id: d.id,
        prospectId: d.prospectId,
        offerId: d.offerId,
        heldAt: d.heldAt,
        channel: d.channel,
        attendees: d.attendees,
        outcome: d.outcome,
        note: d.note,
        recordedBy: d.recordedBy,
        createdAt: d.at,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toView(hydrateRows(manager, DefenceEntity, result.raw as Record<string, unknown>[])[0]);
  }

  async forOffer(manager: EntityManager, offerId: string): Promise<DefenceView[]> {
    const entities = await manager.find(DefenceEntity, { where: { offerId }, order: { heldAt: 'ASC', id: 'ASC' } });
    return entities.map(toView);
  }
}
