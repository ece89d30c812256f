import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LostReasonDefinition, lostReasonLabels } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { LostReasonEntity } from './lost-reason.entity';
import { LostReasonEntry } from './lost-reason.view';
export { LostReasonEntry };

const toEntry = (e: LostReasonEntity): LostReasonEntry => ({
  code: e.code,
  label: e.label,
  labelHu: e.labelHu,
  labels: lostReasonLabels({ label: e.label, labelHu: e.labelHu }, e.code),
  noteRequired: e.noteRequired,
  active: e.active,
  position: e.position,
});

/** The configurable list of lost reasons (seeded from DEFAULT_LOST_REASONS). */
@Injectable()
export class LostReasonRepository {
  async all(manager: EntityManager): Promise<LostReasonEntry[]> {
    const entities = await manager.find(LostReasonEntity, { order: { position: 'ASC', code: 'ASC' } });
    return entities.map(toEntry);
  }

  /** What a user may pick now: retired reasons stay in old log rows but are no longer offered. */
  async active(manager: EntityManager): Promise<LostReasonDefinition[]> {
    return (await this.all(manager)).filter((r) => r.active);
  }

  /** Adds the reason, or changes the one with its code (reasons are never deleted, so one of the two finds it). */
  async upsert(
    manager: EntityManager,
    entry: Pick<LostReasonEntry, 'code' | 'label' | 'noteRequired' | 'active'> & {
      position?: number;
      labelHu?: string | null;
    },
  ): Promise<LostReasonEntry> {
    // labelHu left out (an older client) keeps the stored one; null or blank clears it.
    const keepHu = entry.labelHu === undefined;
    const labelHu = entry.labelHu?.trim() ? entry.labelHu.trim() : null;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(LostReasonEntity)
      .values({
        code: entry.code,
        label: entry.label,
        labelHu,
        noteRequired: entry.noteRequired,
        active: entry.active,
        // A new reason without a position goes last.
        position: entry.position ?? (() => '(SELECT COALESCE(max(position), -1) + 1 FROM lost_reason)'),
      })
      .orIgnore()
      .returning('*')
      .updateEntity(false)
      .execute();
    const [created] = hydrateRows(manager, LostReasonEntity, inserted.raw as Record<string, unknown>[]);
    if (created !== undefined) return toEntry(created);
    const updated = await manager
      .createQueryBuilder()
      .update(LostReasonEntity)
      .set({
        label: entry.label,
        noteRequired: entry.noteRequired,
        active: entry.active,
        ...(keepHu ? {} : { labelHu }),
        ...(entry.position === undefined ? {} : { position: entry.position }),
      })
      .where({ code: entry.code })
      .returning('*')
      .execute();
    return toEntry(hydrateRows(manager, LostReasonEntity, updated.raw as Record<string, unknown>[])[0]);
  }
}
