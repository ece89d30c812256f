import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  funnelError,
  FunnelErrorCode,
  FunnelEventKind,
  MeetingAction,
  nextMeetingStatus,
  Stage,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock, Page, PageQuery, toPage } from '@dealgate/common';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { Prospect } from '../prospects/prospect.model';
import { actorOf } from '../shared/actor';
import { notFound } from '../shared/errors';
import {
  CancelMeetingDto,
  CreateContactDto,
  LogContactAttemptDto,
  MeetingHeldDto,
  RescheduleMeetingDto,
  ScheduleMeetingDto,
} from './activity.dto';
import { ActivityRepository, ContactAttemptView, ContactView, MeetingView } from './activity.repository';

@Injectable()
export class ActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: ActivityRepository,
    private readonly transitions: FunnelTransitions,
    private readonly clock: Clock,
  ) {}

  async addContact(user: Principal, prospectId: string, dto: CreateContactDto): Promise<ContactView> {
    return this.dataSource.transaction(async (manager) => {
      await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      return this.repo.insertContact(manager, {
        prospectId,
        name: dto.name.trim(),
        position: dto.position?.trim() || null,
        isDecisionMaker: dto.isDecisionMaker,
        decisionReason: dto.decisionReason?.trim() || null,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        createdBy: user.userId,
      });
    });
  }

  async contacts(user: Principal, prospectId: string): Promise<ContactView[]> {
    await this.transitions.lockFor(this.dataSource.manager, actorOf(user), prospectId, 'read');
    return this.repo.contacts(this.dataSource.manager, prospectId);
  }

  /** Logged as activity; the stage machine checks it is allowed and guarantees it moves nothing. */
  async logAttempt(user: Principal, prospectId: string, dto: LogContactAttemptDto): Promise<ContactAttemptView> {
    return this.dataSource.transaction(async (manager) => {
      const prospect = await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      if (dto.contactId) await this.contactOf(manager, prospect, dto.contactId);
      const now = this.clock.now();
      const attempt = await this.repo.insertAttempt(manager, {
        prospectId,
        contactId: dto.contactId ?? null,
        channel: dto.channel,
        outcome: dto.outcome,
        note: dto.note?.trim() || null,
        at: dto.at ? new Date(dto.at) : now,
        actorId: user.userId,
        stage: prospect.stage,
        ownerId: prospect.ownerId,
      });
      await this.transitions.apply(
        manager,
        prospect,
        { kind: FunnelEventKind.ContactAttemptLogged, attemptId: attempt.id },
        user.userId,
        now,
      );
      return attempt;
    });
  }

  async attempts(user: Principal, prospectId: string, query: PageQuery): Promise<Page<ContactAttemptView>> {
    await this.transitions.lockFor(this.dataSource.manager, actorOf(user), prospectId, 'read');
    const { items, total } = await this.repo.attempts(this.dataSource.manager, prospectId, query.limit, query.offset);
    return toPage(items, total, query);
  }

  /**
   * At primary contact a meeting with a decision-maker finishes the stage. Later meetings (e.g. for the defence)
   * are recorded without moving anything.
   */
  async schedule(user: Principal, prospectId: string, dto: ScheduleMeetingDto): Promise<MeetingView> {
    return this.dataSource.transaction(async (manager) => {
      const prospect = await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      const contact = await this.contactOf(manager, prospect, dto.contactId);
      const now = this.clock.now();
      const meeting = await this.repo.insertMeeting(manager, {
        prospectId,
        contactId: contact.id,
        scheduledAt: new Date(dto.scheduledAt),
        agenda: dto.agenda?.trim() || null,
        createdBy: user.userId,
        at: now,
      });
      const event =
        prospect.stage === Stage.PrimaryContact
          ? { kind: FunnelEventKind.MeetingScheduled as const, meetingId: meeting.id, contact }
          : { kind: FunnelEventKind.ContactAttemptLogged as const, attemptId: meeting.id };
      await this.transitions.apply(manager, prospect, event, user.userId, now);
      return meeting;
    });
  }

  async meetings(user: Principal, prospectId: string): Promise<MeetingView[]> {
    await this.transitions.lockFor(this.dataSource.manager, actorOf(user), prospectId, 'read');
    return this.repo.meetings(this.dataSource.manager, prospectId);
  }

  markHeld(user: Principal, prospectId: string, meetingId: string, dto: MeetingHeldDto): Promise<MeetingView> {
    return this.changeMeeting(user, prospectId, meetingId, MeetingAction.MarkHeld, (meeting, now) => {
      const heldAt = new Date(dto.heldAt);
      if (heldAt.getTime() > now.getTime()) {
        throw funnelError(FunnelErrorCode.MeetingNotHeld, 'A meeting cannot be marked held at a time still to come.');
      }
      return { scheduledAt: new Date(meeting.scheduledAt), heldAt, note: dto.note?.trim() || null };
    });
  }

  cancel(user: Principal, prospectId: string, meetingId: string, dto: CancelMeetingDto): Promise<MeetingView> {
    return this.changeMeeting(user, prospectId, meetingId, MeetingAction.Cancel, (meeting) => ({
      scheduledAt: new Date(meeting.scheduledAt),
      heldAt: null,
      note: dto.reason.trim(),
    }));
  }

  reschedule(user: Principal, prospectId: string, meetingId: string, dto: RescheduleMeetingDto): Promise<MeetingView> {
    return this.changeMeeting(user, prospectId, meetingId, MeetingAction.Reschedule, () => ({
      scheduledAt: new Date(dto.scheduledAt),
      heldAt: null,
      note: dto.reason?.trim() || null,
    }));
  }

  private async changeMeeting(
    user: Principal,
    prospectId: string,
    meetingId: string,
    action: MeetingAction,
    details: (meeting: MeetingView, now: Date) => { scheduledAt: Date; heldAt: Date | null; note: string | null },
  ): Promise<MeetingView> {
    return this.dataSource.transaction(async (manager) => {
      await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      const meeting = await this.repo.meeting(manager, prospectId, meetingId, true);
      if (!meeting) throw notFound('meeting', meetingId);
      const status = nextMeetingStatus(meeting.status, action);
      const now = this.clock.now();
      const change = details(meeting, now);
      await this.repo.changeMeeting(manager, meetingId, {
        action,
        status,
        at: now,
        actorId: user.userId,
        previousScheduledAt: new Date(meeting.scheduledAt),
        ...change,
      });
      return (await this.repo.meeting(manager, prospectId, meetingId))!;
    });
  }

  private async contactOf(manager: EntityManager, prospect: Prospect, contactId: string): Promise<ContactView> {
    const contact = await this.repo.contactOf(manager, prospect.id, contactId);
    if (!contact)
      throw funnelError(
        FunnelErrorCode.ContactNotOfProspect,
        `Contact ${contactId} is not a contact of this prospect.`,
      );
    return contact;
  }
}
