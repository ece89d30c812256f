import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DefenceAttendee, DefenceChannel, DefenceOutcome } from '@dealgate/domain';
import { DefenceView } from './offer.view';
export { DefenceView };

interface Row {
  id: string;
  prospect_id: string;
  offer_id: string;
  held_at: Date;
  channel: DefenceChannel;
  attendees: DefenceAttendee[];
  outcome: DefenceOutcome;
  note: string | null;
  recorded_by: string;
  created_at: Date;
}

const toView = (r: Row): DefenceView => ({
  id: r.id,
  prospectId: r.prospect_id,
  offerId: r.offer_id,
  heldAt: new Date(r.held_at).toISOString(),
  channel: r.channel,
  attendees: r.attendees,
  outcome: r.outcome,
  note: r.note,
  recordedBy: r.recorded_by,
  createdAt: new Date(r.created_at).toISOString(),
});

@Injectable()
export class DefenceRepository {
  async insert(
    manager: EntityManager,
    d: Omit<DefenceView, 'heldAt' | 'createdAt'> & { heldAt: Date; at: Date },
  ): Promise<DefenceView> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO defence (id, prospect_id, offer_id, held_at, channel, attendees, outcome, note, recorded_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        d.id,
        d.prospectId,
        d.offerId,
        d.heldAt,
        d.channel,
        JSON.stringify(d.attendees),
        d.outcome,
        d.note,
        d.recordedBy,
        d.at,
      ],
    );
    return toView(rows[0]);
  }

  async forOffer(manager: EntityManager, offerId: string): Promise<DefenceView[]> {
    const rows = await manager.query<Row[]>('SELECT * FROM defence WHERE offer_id = $1 ORDER BY held_at, id', [
      offerId,
    ]);
    return rows.map(toView);
  }
}
