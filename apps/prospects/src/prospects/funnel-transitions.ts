import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  applyFunnelEvent,
  assertProspectAccess,
  FunnelActor,
  FunnelEvent,
  FunnelEventKind,
  LOST_REASON_OFFER_REJECTED,
  ProspectAccess,
  prospectAccess,
} from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { emitJob } from '@dealgate/messaging';
import { LostReasonRepository } from '../lost-reasons/lost-reason.repository';
import { assertVersion, notFound, versionConflict } from '../shared/errors';
import { Prospect, stateOf } from './prospect.model';
import { ProspectRepository } from './prospect.repository';
import { TransitionLogRepository } from './transition-log.repository';

/**
 * The one way a prospect moves: the stage machine decides, then the new state, the log row and the
 * `prospect.stage_changed` job commit in the caller's transaction.
 */
@Injectable()
export class FunnelTransitions {
  constructor(
    private readonly prospects: ProspectRepository,
    private readonly log: TransitionLogRepository,
    private readonly lostReasons: LostReasonRepository,
  ) {}

  /**
   * Loads and locks a prospect the actor may act on. Invisible => 404; read-only where writing is needed => 403;
   * `expectedVersion` given and stale => 409.
   */
  async lockFor(
    manager: EntityManager,
    actor: FunnelActor,
    id: string,
    needed: Exclude<ProspectAccess, 'none'>,
    expectedVersion?: number,
  ): Promise<Prospect> {
    const prospect = await this.prospects.findById(manager, id, needed === 'write');
    if (!prospect || prospectAccess(actor, prospect) === 'none') throw notFound('prospect', id);
    assertProspectAccess(actor, prospect, needed);
    if (expectedVersion !== undefined) assertVersion('prospect', prospect.version, expectedVersion);
    return prospect;
  }

  async apply(
    manager: EntityManager,
    prospect: Prospect,
    event: FunnelEvent,
    actorId: string | null,
    at: Date,
  ): Promise<Prospect> {
    // Offer rejection at the defence is recorded by the machine itself, so it is always a valid reason.
    const configured = await this.lostReasons.all(manager);
    const lostReasons = configured.filter((r) => r.active || r.code === LOST_REASON_OFFER_REJECTED);
    const decision = applyFunnelEvent(stateOf(prospect), event, { lostReasons });
    // Activity that moves nothing (a contact attempt, a draft while forming the offer) leaves the row alone.
    if (!decision.transition && decision.state.approvedOfferId === prospect.approvedOfferId) return prospect;
    const moved = decision.transition !== null;
    const stageChanged = moved && decision.transition.toStage !== decision.transition.fromStage;
    // Time in stage restarts on a new stage and on reopening (the lost period is not time spent working it).
    const enteredAt = stageChanged || event.kind === FunnelEventKind.Reopened ? at : new Date(prospect.stageEnteredAt);
    const updated = await this.prospects.updateState(
      manager,
      prospect.id,
      prospect.version,
      decision.state,
      enteredAt,
      at,
    );
    if (!updated) throw versionConflict('prospect', prospect.version);
    if (!decision.transition) return updated;
    const entry = await this.log.append(manager, {
      prospectId: prospect.id,
      eventKind: event.kind,
      transition: decision.transition,
      at,
      actorId,
      productLineId: prospect.productLineId,
      unitId: prospect.unitId,
      ownerId: prospect.ownerId,
    });
    await emitJob(manager, JobName.StageChanged, {
      prospectId: prospect.id,
      ownerId: prospect.ownerId,
      unitId: prospect.unitId,
      productLineId: prospect.productLineId,
      fromStage: entry.fromStage,
      toStage: entry.toStage,
      status: entry.toStatus,
      at: entry.at,
      fromStatus: entry.fromStatus,
      eventKind: entry.eventKind,
      actorId,
      evidenceKind: entry.evidenceKind,
      evidenceId: entry.evidenceId,
    });
    return updated;
  }
}
