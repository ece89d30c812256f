import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LostReasonDefinition, lostReasonLabels } from '@dealgate/domain';
import { LostReasonEntry } from './lost-reason.view';
export { LostReasonEntry };

interface Row {
  code: string;
  label: string;
  label_hu: string | null;
  note_required: boolean;
  active: boolean;
  position: number;
}

const toEntry = (r: Row): LostReasonEntry => ({
  code: r.code,
  label: r.label,
  labelHu: r.label_hu,
  labels: lostReasonLabels({ label: r.label, labelHu: r.label_hu }, r.code),
  noteRequired: r.note_required,
  active: r.active,
  position: r.position,
});

/** The configurable list of lost reasons (seeded from DEFAULT_LOST_REASONS). */
@Injectable()
export class LostReasonRepository {
  async all(manager: EntityManager): Promise<LostReasonEntry[]> {
    const rows = await manager.query<Row[]>('SELECT * FROM lost_reason ORDER BY position, code');
    return rows.map(toEntry);
  }

  /** What a user may pick now: retired reasons stay in old log rows but are no longer offered. */
  async active(manager: EntityManager): Promise<LostReasonDefinition[]> {
    return (await this.all(manager)).filter((r) => r.active);
  }

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
    const rows = await manager.query<Row[]>(
      `INSERT INTO lost_reason (code, label, label_hu, note_required, active, position)
       VALUES ($1, $2, $6, $3, $4, COALESCE($5, (SELECT COALESCE(max(position), -1) + 1 FROM lost_reason)))
       ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, note_required = EXCLUDED.note_required,
         label_hu = CASE WHEN $7 THEN lost_reason.label_hu ELSE EXCLUDED.label_hu END,
         active = EXCLUDED.active, position = COALESCE($5, lost_reason.position)
       RETURNING *`,
      [entry.code, entry.label, entry.noteRequired, entry.active, entry.position ?? null, labelHu, keepHu],
    );
    return toEntry(rows[0]);
  }
}
