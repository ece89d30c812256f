import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApprovalActor, ApprovalDelegation, Role } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { ActiveDelegation, DelegationRepository } from '../delegations/delegation.repository';
import { AccessScope } from './access-scope';

const approverRoles = (roles: readonly Role[]): Role[] => roles.filter((role) => role !== Role.Admin);

/** Builds who the caller is for approvals: their own roles plus the approvers who delegated to them. */
@Injectable()
export class AccessScopeService {
  constructor(private readonly delegations: DelegationRepository) {}

  async scopeOf(manager: EntityManager, principal: Principal, now: Date): Promise<AccessScope> {
    const delegations = await this.delegations.activeFor(manager, principal.userId, now);
    return {
      me: principal.userId,
      roles: approverRoles(principal.roles),
      unitId: principal.unitId,
      identities: [
        { user_id: principal.userId, roles: approverRoles(principal.roles), unit_id: principal.unitId },
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
    const active = await this.delegations.activeFor(manager, principal.userId, now);
    return {
      actor: toActor(principal.userId, principal.roles, principal.unitId),
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
