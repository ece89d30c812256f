import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BriefNeed, BriefSection } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { BriefEntity } from './brief.entity';
import { BriefView } from './brief.view';
export { BriefView };

const toView = (e: BriefEntity): BriefView => ({
  id: e.id,
  prospectId: e.prospectId,
  meetingId: e.meetingId,
  sections: e.sections,
  needs: e.needs,
  completedAt: e.completedAt ? e.completedAt.toISOString() : null,
  authorId: e.authorId,
  version: e.version,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

const viewsOf = (manager: EntityManager, raw: unknown): BriefView[] =>
  hydrateRows(manager, BriefEntity, raw as Record<string, unknown>[]).map(toView);

export interface BriefContent {
  meetingId: string | null;
  sections: Partial<Record<BriefSection, string | null>>;
  needs: BriefNeed[];
}

/** One brief per prospect: the result of needs identification, and what offers are built from. */
@Injectable()
export class BriefRepository {
  async forProspect(manager: EntityManager, prospectId: string, lock = false): Promise<BriefView | null> {
    const query = manager.createQueryBuilder(BriefEntity, 'b').where({ prospectId });
    if (lock) query.setLock('pessimistic_write');
    const entity = await query.getOne();
    return entity === null ? null : toView(entity);
  }

  async insert(
    manager: EntityManager,
    prospectId: string,
    authorId: string,
    c: BriefContent,
    at: Date,
  ): Promise<BriefView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(BriefEntity)
      .values({
        prospectId,
        meetingId: c.meetingId,
        sections: c.sections,
        needs: c.needs,
        authorId,
        createdAt: at,
        updatedAt: at,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return viewsOf(manager, result.raw)[0];
  }

  /** Null when the version moved on. */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    c: BriefContent,
    at: Date,
  ): Promise<BriefView | null> {
    const result = await manager
      .createQueryBuilder()
      .update(BriefEntity)
      .set({
        meetingId: c.meetingId,
        sections: c.sections,
        needs: c.needs,
        updatedAt: at,
        version: () => 'version + 1',
      })
      .where({ id, version: expectedVersion })
      .returning('*')
      .execute();
    return viewsOf(manager, result.raw)[0] ?? null;
  }

  async markCompleted(manager: EntityManager, id: string, at: Date): Promise<BriefView> {
    const result = await manager
      .createQueryBuilder()
      .update(BriefEntity)
      .set({ completedAt: at, updatedAt: at, version: () => 'version + 1' })
      .where({ id })
      .returning('*')
      .execute();
    return viewsOf(manager, result.raw)[0];
  }
}
