import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BriefNeed, BriefSection } from '@dealgate/domain';
import { BriefView } from './brief.view';
export { BriefView };

interface Row {
  id: string;
  prospect_id: string;
  meeting_id: string | null;
  sections: Partial<Record<BriefSection, string | null>>;
  needs: BriefNeed[];
  completed_at: Date | null;
  author_id: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toView = (r: Row): BriefView => ({
  id: r.id,
  prospectId: r.prospect_id,
  meetingId: r.meeting_id,
  sections: r.sections,
  needs: r.needs,
  completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
  authorId: r.author_id,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export interface BriefContent {
  meetingId: string | null;
  sections: Partial<Record<BriefSection, string | null>>;
  needs: BriefNeed[];
}

/** One brief per prospect: the result of needs identification, and what offers are built from. */
@Injectable()
export class BriefRepository {
  async forProspect(manager: EntityManager, prospectId: string, lock = false): Promise<BriefView | null> {
    const rows = await manager.query<Row[]>(`SELECT * FROM brief WHERE prospect_id = $1${lock ? ' FOR UPDATE' : ''}`, [
      prospectId,
    ]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async insert(
    manager: EntityManager,
    prospectId: string,
    authorId: string,
    c: BriefContent,
    at: Date,
  ): Promise<BriefView> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO brief (prospect_id, meeting_id, sections, needs, author_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
      [prospectId, c.meetingId, JSON.stringify(c.sections), JSON.stringify(c.needs), authorId, at],
    );
    return toView(rows[0]);
  }

  /** Null when the version moved on. */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    c: BriefContent,
    at: Date,
  ): Promise<BriefView | null> {
    const [rows] = await manager.query<[Row[], number]>(
      `UPDATE brief SET meeting_id = $3, sections = $4, needs = $5, updated_at = $6, version = version + 1
        WHERE id = $1 AND version = $2 RETURNING *`,
      [id, expectedVersion, c.meetingId, JSON.stringify(c.sections), JSON.stringify(c.needs), at],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  async markCompleted(manager: EntityManager, id: string, at: Date): Promise<BriefView> {
    const [rows] = await manager.query<[Row[], number]>(
      'UPDATE brief SET completed_at = $2, updated_at = $2, version = version + 1 WHERE id = $1 RETURNING *',
      [id, at],
    );
    return toView(rows[0]);
  }
}
