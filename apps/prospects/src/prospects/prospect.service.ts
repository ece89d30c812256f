import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  funnelError,
  FunnelErrorCode,
  FunnelEventKind,
  hasRole,
  isHeadOfUnit,
  mayOwnProspectOf,
  ProspectStatus,
  Role,
  Stage,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { Clock, decodeCursor, encodeCursor, toPage } from '@dealgate/common';
import { actorOf } from '../shared/actor';
import { ActorNames } from '../shared/actor-names';
import { versionConflict } from '../shared/errors';
import { FunnelTransitions } from './funnel-transitions';
import { AssignProspectDto, BulkAssignDto, LoseProspectDto, ProspectQuery, VersionedDto } from './prospect.dto';
import { Prospect } from './prospect.model';
import { ProspectPage } from './prospect.view';
import { StageHistoryEntry } from './prospect.view';
import { ProspectRepository } from './prospect.repository';
import { TransitionLogRepository } from './transition-log.repository';

@Injectable()
export class ProspectService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly prospects: ProspectRepository,
    private readonly log: TransitionLogRepository,
    private readonly transitions: FunnelTransitions,
    private readonly directory: DirectoryService,
    private readonly names: ActorNames,
    private readonly clock: Clock,
  ) {}

  async list(user: Principal, query: ProspectQuery): Promise<ProspectPage> {
    // The DTO has validated the cursor: it decodes.
    const after = query.cursor ? (decodeCursor(query.cursor) ?? undefined) : undefined;
    const { items, total, next } = await this.prospects.list(this.dataSource.manager, user, { ...query, after });
    return { ...toPage(items, total, query), nextCursor: next && encodeCursor(next) };
  }

  get(user: Principal, id: string): Promise<Prospect> {
    return this.transitions.lockFor(this.dataSource.manager, actorOf(user), id, 'read');
  }

  /** The stage history with each actor's name (the win's actor is the signer of the contract). */
  async history(user: Principal, id: string): Promise<StageHistoryEntry[]> {
    const manager = this.dataSource.manager;
    await this.transitions.lockFor(manager, actorOf(user), id, 'read');
    const entries = await this.log.forProspect(manager, id);
    const names = await this.names.of(
      manager,
      entries.map((e) => e.actorId),
    );
    return entries.map((e) => ({ ...e, actorName: (e.actorId && names.get(e.actorId)) ?? null }));
  }

  /** A sales head of the unit (or the owner) gives the prospect to a salesperson of that unit. */
  assign(user: Principal, id: string, dto: AssignProspectDto): Promise<Prospect> {
    return this.dataSource.transaction((manager) => this.assignOne(manager, user, id, dto.version, dto.ownerId));
  }

  /** Hands out many prospects at once (e.g. a freshly approved sample): all of them or none. */
  assignMany(user: Principal, dto: BulkAssignDto): Promise<Prospect[]> {
    return this.dataSource.transaction(async (manager) => {
      const assigned: Prospect[] = [];
      // In id order, so two concurrent bulk assignments lock rows in the same order and never deadlock.
      for (const item of [...dto.prospects].sort((a, b) => a.id.localeCompare(b.id))) {
        assigned.push(await this.assignOne(manager, user, item.id, item.version, dto.ownerId));
      }
      return assigned;
    });
  }

  private async assignOne(
    manager: EntityManager,
    user: Principal,
    id: string,
    version: number,
    ownerId: string,
  ): Promise<Prospect> {
    const actor = actorOf(user);
    const prospect = await this.transitions.lockFor(manager, actor, id, 'write', version);
    if (!hasRole(actor, Role.Owner) && !isHeadOfUnit(actor, prospect.unitId)) {
      throw funnelError(
        FunnelErrorCode.ReadOnlyAccess,
        "Only a sales head of the prospect's unit or the owner assigns prospects.",
      );
    }
    if (prospect.status !== ProspectStatus.Active) {
      throw funnelError(
        FunnelErrorCode.ProspectLost,
        `The prospect is ${prospect.status}; only an active prospect is assigned.`,
      );
    }
    if (prospect.stage === Stage.Contract) {
      throw funnelError(
        FunnelErrorCode.WrongStage,
        'The deal is with legal and accounting since its defence; it has no salesperson to change.',
      );
    }
    if (!mayOwnProspectOf(await this.directory.user(ownerId, manager), prospect.unitId)) {
      throw funnelError(
        FunnelErrorCode.AssigneeNotSalesperson,
        "The assignee must be an active salesperson of the prospect's unit.",
        {
          ownerId,
          prospectId: id,
        },
      );
    }
    const updated = await this.prospects.assignOwner(manager, id, version, ownerId, this.clock.now());
    if (!updated) throw versionConflict('prospect', version);
    return updated;
  }

  async lose(user: Principal, id: string, dto: LoseProspectDto): Promise<Prospect> {
    return this.dataSource.transaction(async (manager) => {
      const prospect = await this.transitions.lockFor(manager, actorOf(user), id, 'write', dto.version);
      const reason = { code: dto.reasonCode, note: dto.note ?? null };
      return this.transitions.apply(
        manager,
        prospect,
        { kind: FunnelEventKind.Lost, reason },
        user.userId,
        this.clock.now(),
      );
    });
  }

  async reopen(user: Principal, id: string, dto: VersionedDto): Promise<Prospect> {
    const actor = actorOf(user);
    return this.dataSource.transaction(async (manager) => {
      // The machine also checks the reopener is a head of the prospect's unit or the owner.
      const prospect = await this.transitions.lockFor(manager, actor, id, 'write', dto.version);
      return this.transitions.apply(
        manager,
        prospect,
        { kind: FunnelEventKind.Reopened, actor },
        user.userId,
        this.clock.now(),
      );
    });
  }
}
