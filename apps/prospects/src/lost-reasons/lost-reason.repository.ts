import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LostReasonDefinition } from '@dealgate/domain';
import { LostReasonEntry } from './lost-reason.view';
export { LostReasonEntry };

interface Row {
  code: string;
  label: string;
  note_required: boolean;
  active: boolean;
  position: number;
}

const toEntry = (r: Row): LostReasonEntry => ({
  code: r.code,
  label: r.label,
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
    entry: Omit<LostReasonEntry, 'position'> & { position?: number },
  ): Promise<LostReasonEntry> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO lost_reason (code, label, note_required, active, position)
       VALUES ($1, $2, $3, $4, COALESCE($5, (SELECT COALESCE(max(position), -1) + 1 FROM lost_reason)))
       ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, note_required = EXCLUDED.note_required,
         active = EXCLUDED.active, position = COALESCE($5, lost_reason.position)
       RETURNING *`,
      [entry.code, entry.label, entry.noteRequired, entry.active, entry.position ?? null],
    );
    return toEntry(rows[0]);
  }
}
