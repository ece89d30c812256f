import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MeetingAction, MeetingStatus } from '@dealgate/domain';
import { ContactView, ContactAttemptView, MeetingHistoryEntry, MeetingView } from './activity.view';
export { ContactView, ContactAttemptView, MeetingHistoryEntry, MeetingView };

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

interface ContactRow {
  id: string;
  prospect_id: string;
  name: string;
  position: string | null;
  is_decision_maker: boolean;
  decision_reason: string | null;
  email: string | null;
  phone: string | null;
  created_by: string;
  created_at: Date;
}

const toContact = (r: ContactRow): ContactView => ({
  id: r.id,
  prospectId: r.prospect_id,
  name: r.name,
  position: r.position,
  isDecisionMaker: r.is_decision_maker,
  decisionReason: r.decision_reason,
  email: r.email,
  phone: r.phone,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

interface MeetingRow {
  id: string;
  prospect_id: string;
  contact_id: string;
  scheduled_at: Date;
  status: MeetingStatus;
  held_at: Date | null;
  agenda: string | null;
  created_by: string;
  version: number;
  created_at: Date;
  history?: {
    action: string;
    at: string;
    actor_id: string;
    previous_scheduled_at: string | null;
    scheduled_at: string | null;
    note: string | null;
  }[];
}

const toMeeting = (r: MeetingRow): MeetingView => ({
  id: r.id,
  prospectId: r.prospect_id,
  contactId: r.contact_id,
  scheduledAt: new Date(r.scheduled_at).toISOString(),
  status: r.status,
  heldAt: iso(r.held_at),
  agenda: r.agenda,
  createdBy: r.created_by,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  history: (r.history ?? []).map((h) => ({
    action: h.action,
    at: new Date(h.at).toISOString(),
    actorId: h.actor_id,
    previousScheduledAt: h.previous_scheduled_at ? new Date(h.previous_scheduled_at).toISOString() : null,
    scheduledAt: h.scheduled_at ? new Date(h.scheduled_at).toISOString() : null,
    note: h.note,
  })),
});

const MEETING_WITH_HISTORY = `m.*, COALESCE((SELECT json_agg(json_build_object('action', h.action, 'at', h.at, 'actor_id', h.actor_id,
  'previous_scheduled_at', h.previous_scheduled_at, 'scheduled_at', h.scheduled_at, 'note', h.note) ORDER BY h.id)
  FROM meeting_history h WHERE h.meeting_id = m.id), '[]'::json) AS history`;

/** Contacts, contact attempts and meetings of prospects. */
@Injectable()
export class ActivityRepository {
  async insertContact(manager: EntityManager, c: Omit<ContactView, 'id' | 'createdAt'>): Promise<ContactView> {
    const rows = await manager.query<ContactRow[]>(
      `INSERT INTO contact (prospect_id, name, position, is_decision_maker, decision_reason, email, phone, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [c.prospectId, c.name, c.position, c.isDecisionMaker, c.decisionReason, c.email, c.phone, c.createdBy],
    );
    return toContact(rows[0]);
  }

  async contacts(manager: EntityManager, prospectId: string): Promise<ContactView[]> {
    const rows = await manager.query<ContactRow[]>(
      'SELECT * FROM contact WHERE prospect_id = $1 ORDER BY created_at, id',
      [prospectId],
    );
    return rows.map(toContact);
  }

  /** Only a contact of this prospect: an id from another prospect is as good as unknown. */
  async contactOf(manager: EntityManager, prospectId: string, contactId: string): Promise<ContactView | null> {
    const rows = await manager.query<ContactRow[]>('SELECT * FROM contact WHERE prospect_id = $1 AND id = $2', [
      prospectId,
      contactId,
    ]);
    return rows[0] ? toContact(rows[0]) : null;
  }

  async insertAttempt(
    manager: EntityManager,
    a: Omit<ContactAttemptView, 'id' | 'at'> & { at: Date; ownerId: string | null },
  ): Promise<ContactAttemptView> {
    const rows = await manager.query<(Omit<ContactAttemptView, 'at'> & { at: Date })[]>(
      `INSERT INTO contact_attempt (prospect_id, contact_id, channel, outcome, note, at, actor_id, stage, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, prospect_id AS "prospectId", contact_id AS "contactId", channel, outcome, note, at, actor_id AS "actorId", stage`,
      [a.prospectId, a.contactId, a.channel, a.outcome, a.note, a.at, a.actorId, a.stage, a.ownerId],
    );
    return { ...rows[0], at: new Date(rows[0].at).toISOString() };
  }

  async attempts(
    manager: EntityManager,
    prospectId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: ContactAttemptView[]; total: number }> {
    const [{ total }] = await manager.query<{ total: number }[]>(
      'SELECT count(*)::int AS total FROM contact_attempt WHERE prospect_id = $1',
      [prospectId],
    );
    const rows = await manager.query<(Omit<ContactAttemptView, 'at'> & { at: Date })[]>(
      `SELECT id, prospect_id AS "prospectId", contact_id AS "contactId", channel, outcome, note, at, actor_id AS "actorId", stage
         FROM contact_attempt WHERE prospect_id = $1 ORDER BY at DESC, id LIMIT $2 OFFSET $3`,
      [prospectId, limit, offset],
    );
    return { items: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })), total };
  }

  async insertMeeting(
    manager: EntityManager,
    m: { prospectId: string; contactId: string; scheduledAt: Date; agenda: string | null; createdBy: string; at: Date },
  ): Promise<MeetingView> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO meeting (prospect_id, contact_id, scheduled_at, status, agenda, created_by, created_at)
       VALUES ($1, $2, $3, 'scheduled', $4, $5, $6) RETURNING id`,
      [m.prospectId, m.contactId, m.scheduledAt, m.agenda, m.createdBy, m.at],
    );
    await this.addHistory(manager, rows[0].id, {
      action: 'scheduled',
      at: m.at,
      actorId: m.createdBy,
      previousScheduledAt: null,
      scheduledAt: m.scheduledAt,
      note: m.agenda,
    });
    return (await this.meeting(manager, m.prospectId, rows[0].id))!;
  }

  async meeting(
    manager: EntityManager,
    prospectId: string,
    meetingId: string,
    lock = false,
  ): Promise<MeetingView | null> {
    if (lock) await manager.query('SELECT 1 FROM meeting WHERE id = $1 FOR UPDATE', [meetingId]);
    const rows = await manager.query<MeetingRow[]>(
      `SELECT ${MEETING_WITH_HISTORY} FROM meeting m WHERE m.prospect_id = $1 AND m.id = $2`,
      [prospectId, meetingId],
    );
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  async meetings(manager: EntityManager, prospectId: string): Promise<MeetingView[]> {
    const rows = await manager.query<MeetingRow[]>(
      `SELECT ${MEETING_WITH_HISTORY} FROM meeting m WHERE m.prospect_id = $1 ORDER BY m.scheduled_at, m.id`,
      [prospectId],
    );
    return rows.map(toMeeting);
  }

  async hasHeldMeeting(manager: EntityManager, prospectId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM meeting WHERE prospect_id = $1 AND status = 'held' LIMIT 1`,
      [prospectId],
    );
    return rows.length > 0;
  }

  async changeMeeting(
    manager: EntityManager,
    meetingId: string,
    change: {
      action: MeetingAction;
      status: MeetingStatus;
      at: Date;
      actorId: string;
      previousScheduledAt: Date;
      scheduledAt: Date;
      heldAt: Date | null;
      note: string | null;
    },
  ): Promise<void> {
    await manager.query(
      'UPDATE meeting SET status = $2, scheduled_at = $3, held_at = $4, version = version + 1 WHERE id = $1',
      [meetingId, change.status, change.scheduledAt, change.heldAt],
    );
    await this.addHistory(manager, meetingId, {
      action: change.action,
      at: change.at,
      actorId: change.actorId,
      previousScheduledAt: change.previousScheduledAt,
      scheduledAt: change.scheduledAt,
      note: change.note,
    });
  }

  private async addHistory(
    manager: EntityManager,
    meetingId: string,
    h: {
      action: string;
      at: Date;
      actorId: string;
      previousScheduledAt: Date | null;
      scheduledAt: Date | null;
      note: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO meeting_history (meeting_id, action, at, actor_id, previous_scheduled_at, scheduled_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [meetingId, h.action, h.at, h.actorId, h.previousScheduledAt, h.scheduledAt, h.note],
    );
  }
}
