import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalActor, ApprovalDelegation, Role } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { DirectoryService } from '@dealgate/chassis';
import { ActiveDelegation, DelegationRepository } from '../delegations/delegation.repository';
import { AccessScope } from './access-scope';

const approverRoles = (roles: readonly Role[]): Role[] => roles.filter((role) => role !== Role.Admin);

/** The caller's roles and unit for approval purposes. */
export interface EffectiveUser {
  userId: string;
  roles: Role[];
  unitId: string | null;
}

/** Builds who the caller is for approvals: their own roles plus the approvers who delegated to them. */
@Injectable()
export class AccessScopeService {
  constructor(
    private readonly delegations: DelegationRepository,
    private readonly directory: DirectoryService,
  ) {}

  /**
   * Roles and unit as the directory copy knows them now (an access token lives for minutes after a demotion or
   * a deactivation); the token's claims only for a user the copy does not know yet.
   */
  async effectiveUser(manager: EntityManager, principal: Principal): Promise<EffectiveUser> {
    const known = await this.directory.user(principal.userId, manager);
    if (known === null) return { userId: principal.userId, roles: principal.roles, unitId: principal.unitId };
    return known.active
      ? { userId: principal.userId, roles: known.roles, unitId: known.unitId }
      : { userId: principal.userId, roles: [], unitId: null };
  }

  async scopeOf(manager: EntityManager, principal: Principal, now: Date): Promise<AccessScope> {
    const me = await this.effectiveUser(manager, principal);
    const delegations = await this.delegations.activeFor(manager, principal.userId, now);
    return {
      me: me.userId,
      roles: approverRoles(me.roles),
      unitId: me.unitId,
      identities: [
        { user_id: me.userId, roles: approverRoles(me.roles), unit_id: me.unitId },
        ...delegations.map((d) => ({ user_id: d.approverId, roles: approverRoles(d.roles), unit_id: d.unitId })),
      ],
    };
  }

  /** The caller and their delegations in the shape the domain's `canDecide` takes. */
  async actorOf(
    manager: EntityManager,
    principal: Principal,
    now: Date,
  ): Promise<{ actor: ApprovalActor; delegations: ApprovalDelegation[] }> {
    const me = await this.effectiveUser(manager, principal);
    const active = await this.delegations.activeFor(manager, principal.userId, now);
    return {
      actor: toActor(me.userId, me.roles, me.unitId),
      delegations: active.map((d: ActiveDelegation) => ({
        approver: toActor(d.approverId, d.roles, d.unitId),
        delegateId: principal.userId,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
      })),
    };
  }
}

function toActor(userId: string, roles: readonly Role[], unitId: string | null): ApprovalActor {
  return { userId, roles, unitIds: unitId === null ? [] : [unitId] };
}
