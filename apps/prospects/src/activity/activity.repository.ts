import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { MeetingAction, MeetingStatus } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { ContactView, ContactAttemptView, MeetingHistoryEntry, MeetingView } from './activity.view';
import { ContactAttemptEntity } from './contact-attempt.entity';
import { ContactEntity } from './contact.entity';
import { MeetingHistoryEntity } from './meeting-history.entity';
import { MeetingEntity } from './meeting.entity';
export { ContactView, ContactAttemptView, MeetingHistoryEntry, MeetingView };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const rawRows = (raw: unknown) => raw as Record<string, unknown>[];

const toContact = (e: ContactEntity): ContactView => ({
  id: e.id,
  prospectId: e.prospectId,
  name: e.name,
  position: e.position,
  isDecisionMaker: e.isDecisionMaker,
  decisionReason: e.decisionReason,
  email: e.email,
  phone: e.phone,
  createdBy: e.createdBy,
  createdAt: e.createdAt.toISOString(),
});

const toAttempt = (e: ContactAttemptEntity): ContactAttemptView => ({
  id: e.id,
  prospectId: e.prospectId,
  contactId: e.contactId,
  channel: e.channel,
  outcome: e.outcome,
  note: e.note,
  at: e.at.toISOString(),
  actorId: e.actorId,
  stage: e.stage,
});

const toHistoryEntry = (e: MeetingHistoryEntity): MeetingHistoryEntry => ({
  action: e.action,
  at: e.at.toISOString(),
  actorId: e.actorId,
  previousScheduledAt: iso(e.previousScheduledAt),
  scheduledAt: iso(e.scheduledAt),
  note: e.note,
});

const toMeeting = (e: MeetingEntity, history: readonly MeetingHistoryEntity[]): MeetingView => ({
  id: e.id,
  prospectId: e.prospectId,
  contactId: e.contactId,
  scheduledAt: e.scheduledAt.toISOString(),
  status: e.status,
  heldAt: iso(e.heldAt),
  agenda: e.agenda,
  createdBy: e.createdBy,
  version: e.version,
  createdAt: e.createdAt.toISOString(),
  history: history.map(toHistoryEntry),
});

/** Contacts, contact attempts and meetings of prospects; entities stay in here, callers get views. */
@Injectable()
export class ActivityRepository {
  async insertContact(manager: EntityManager, c: Omit<ContactView, 'id' | 'createdAt'>): Promise<ContactView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ContactEntity)
      .values({
        prospectId: c.prospectId,
        name: c.name,
        position: c.position,
        isDecisionMaker: c.isDecisionMaker,
        decisionReason: c.decisionReason,
        email: c.email,
        phone: c.phone,
        createdBy: c.createdBy,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toContact(hydrateRows(manager, ContactEntity, rawRows(result.raw))[0]);
  }

  async contacts(manager: EntityManager, prospectId: string): Promise<ContactView[]> {
    const entities = await manager.find(ContactEntity, {
      where: { prospectId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return entities.map(toContact);
  }

  /** Only a contact of this prospect: an id from another prospect is as good as unknown. */
  async contactOf(manager: EntityManager, prospectId: string, contactId: string): Promise<ContactView | null> {
    const entity = await manager.findOneBy(ContactEntity, { prospectId, id: contactId });
    return entity === null ? null : toContact(entity);
  }

  async insertAttempt(
    manager: EntityManager,
    a: Omit<ContactAttemptView, 'id' | 'at'> & { at: Date; ownerId: string | null },
  ): Promise<ContactAttemptView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ContactAttemptEntity)
      .values({
        prospectId: a.prospectId,
        contactId: a.contactId,
        channel: a.channel,
        outcome: a.outcome,
        note: a.note,
        at: a.at,
        actorId: a.actorId,
        stage: a.stage,
        ownerId: a.ownerId,
      })
      .returning('*')
      .updateEntity(false)
      .execute();
    return toAttempt(hydrateRows(manager, ContactAttemptEntity, rawRows(result.raw))[0]);
  }

  async attempts(
    manager: EntityManager,
    prospectId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: ContactAttemptView[]; total: number }> {
    const [entities, total] = await manager.findAndCount(ContactAttemptEntity, {
      where: { prospectId },
      order: { at: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: entities.map(toAttempt), total };
  }

  async insertMeeting(
    manager: EntityManager,
    m: { prospectId: string; contactId: string; scheduledAt: Date; agenda: string | null; createdBy: string; at: Date },
  ): Promise<MeetingView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(MeetingEntity)
      .values({
        prospectId: m.prospectId,
        contactId: m.contactId,
        scheduledAt: m.scheduledAt,
        status: MeetingStatus.Scheduled,
        agenda: m.agenda,
        createdBy: m.createdBy,
        createdAt: m.at,
      })
      .returning('id')
      .updateEntity(false)
      .execute();
    const [{ id }] = result.raw as { id: string }[];
    await this.addHistory(manager, id, {
      action: 'scheduled',
      at: m.at,
      actorId: m.createdBy,
      previousScheduledAt: null,
      scheduledAt: m.scheduledAt,
      note: m.agenda,
    });
    return (await this.meeting(manager, m.prospectId, id))!;
  }

  async meeting(
    manager: EntityManager,
    prospectId: string,
    meetingId: string,
    lock = false,
  ): Promise<MeetingView | null> {
    const query = manager.createQueryBuilder(MeetingEntity, 'm').where({ prospectId, id: meetingId });
    if (lock) query.setLock('pessimistic_write');
    const entity = await query.getOne();
    if (entity === null) return null;
    const [view] = await this.withHistory(manager, [entity]);
    return view;
  }

  async meetings(manager: EntityManager, prospectId: string): Promise<MeetingView[]> {
    const entities = await manager.find(MeetingEntity, {
      where: { prospectId },
      order: { scheduledAt: 'ASC', id: 'ASC' },
    });
    return this.withHistory(manager, entities);
  }

  async hasHeldMeeting(manager: EntityManager, prospectId: string): Promise<boolean> {
    return manager.existsBy(MeetingEntity, { prospectId, status: MeetingStatus.Held });
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
    await manager
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({
        status: change.status,
        scheduledAt: change.scheduledAt,
        heldAt: change.heldAt,
        version: () => 'version + 1',
      })
      .where({ id: meetingId })
      .execute();
    await this.addHistory(manager, meetingId, {
      action: change.action,
      at: change.at,
      actorId: change.actorId,
      previousScheduledAt: change.previousScheduledAt,
      scheduledAt: change.scheduledAt,
      note: change.note,
    });
  }

  /** The meetings with their histories, oldest change first: one query for all of their histories. */
  private async withHistory(manager: EntityManager, meetings: readonly MeetingEntity[]): Promise<MeetingView[]> {
    if (meetings.length === 0) return [];
    const history = await manager.find(MeetingHistoryEntity, {
      where: { meetingId: In(meetings.map((m) => m.id)) },
      order: { id: 'ASC' },
    });
    const byMeeting = new Map<string, MeetingHistoryEntity[]>();
    for (const h of history) byMeeting.set(h.meetingId, [...(byMeeting.get(h.meetingId) ?? []), h]);
    return meetings.map((m) => toMeeting(m, byMeeting.get(m.id) ?? []));
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
    await manager
      .createQueryBuilder()
      .insert()
      .into(MeetingHistoryEntity)
      .values({ meetingId, ...h })
      .updateEntity(false)
      .execute();
  }
}
