import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  assertBriefComplete,
  BriefSection,
  funnelError,
  FunnelErrorCode,
  FunnelEventKind,
  ProspectStatus,
  Stage,
  stageLabel,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { Clock } from '@dealgate/common';
import { ActivityRepository } from '../activity/activity.repository';
import { FunnelTransitions } from '../prospects/funnel-transitions';
import { actorOf } from '../shared/actor';
import { assertVersion, notFound, versionConflict } from '../shared/errors';
import { SaveBriefDto } from './brief.dto';
import { BriefContent, BriefRepository, BriefView } from './brief.repository';

// The brief is written while identifying needs and may be refined while the offer is formed.
const EDITABLE_STAGES: readonly Stage[] = [Stage.NeedsIdentification, Stage.OfferFormation];

@Injectable()
export class BriefService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly briefs: BriefRepository,
    private readonly activity: ActivityRepository,
    private readonly transitions: FunnelTransitions,
    private readonly clock: Clock,
  ) {}

  async get(user: Principal, prospectId: string): Promise<BriefView> {
    await this.transitions.lockFor(this.dataSource.manager, actorOf(user), prospectId, 'read');
    const brief = await this.briefs.forProspect(this.dataSource.manager, prospectId);
    if (!brief) throw notFound('brief for prospect', prospectId);
    return brief;
  }

  async save(user: Principal, prospectId: string, dto: SaveBriefDto): Promise<BriefView> {
    return this.dataSource.transaction(async (manager) => {
      const prospect = await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      if (prospect.status !== ProspectStatus.Active || !EDITABLE_STAGES.includes(prospect.stage)) {
        throw funnelError(
          FunnelErrorCode.WrongStage,
          `The brief is written at needs identification or offer formation; the prospect is at ${stageLabel(prospect.stage)} (${prospect.status}).`,
        );
      }
      if (dto.meetingId && !(await this.activity.meeting(manager, prospectId, dto.meetingId))) {
        throw notFound('meeting of this prospect', dto.meetingId);
      }
      const existing = await this.briefs.forProspect(manager, prospectId, true);
      const knownNeeds = new Set(existing?.needs.map((n) => n.id) ?? []);
      const content: BriefContent = {
        meetingId: dto.meetingId ?? existing?.meetingId ?? null,
        sections: Object.fromEntries(Object.values(BriefSection).map((s) => [s, dto.sections[s]?.trim() ?? null])),
        // Existing needs keep their ids (offer items address them); new ones get fresh ids.
        needs: dto.needs.map((n) => ({ id: n.id && knownNeeds.has(n.id) ? n.id : randomUUID(), text: n.text.trim() })),
      };
      const now = this.clock.now();
      if (!existing) return this.briefs.insert(manager, prospectId, user.userId, content, now);
      if (dto.version === undefined) throw versionConflict('brief', 0, existing.version);
      assertVersion('brief', existing.version, dto.version);
      // A brief that already finished its stage must stay complete.
      if (existing.completedAt) assertBriefComplete(content);
      const updated = await this.briefs.update(manager, existing.id, dto.version, content, now);
      if (!updated) throw versionConflict('brief', dto.version);
      return updated;
    });
  }

  /** Finishes needs identification: every required section, at least one need, after a held meeting. */
  async complete(user: Principal, prospectId: string, version: number): Promise<BriefView> {
    return this.dataSource.transaction(async (manager) => {
      const prospect = await this.transitions.lockFor(manager, actorOf(user), prospectId, 'write');
      const brief = await this.briefs.forProspect(manager, prospectId, true);
      if (!brief) throw notFound('brief for prospect', prospectId);
      assertVersion('brief', brief.version, version);
      const meetingHeld = await this.activity.hasHeldMeeting(manager, prospectId);
      const now = this.clock.now();
      await this.transitions.apply(
        manager,
        prospect,
        { kind: FunnelEventKind.BriefCompleted, briefId: brief.id, meetingHeld, brief },
        user.userId,
        now,
      );
      return this.briefs.markCompleted(manager, brief.id, now);
    });
  }
}
