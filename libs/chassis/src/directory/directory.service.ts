import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, PrincipalRevocation } from '@dealgate/auth';
import { KnownTokenState, Role, TokenRefusal, tokenRefusal } from '@dealgate/domain';
import { DirectoryUnitEntity } from './directory-unit.entity';
import { DirectoryUserEntity } from './directory-user.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface DirectoryUser {
  userId: string;
  roles: Role[];
  unitId: string | null;
  groups: string[];
  leadOf: string[];
  active: boolean;
  sealedContact: string;
}

export interface DirectoryUnit {
  unitId: string;
  name: string;
  headUserId: string | null;
  active: boolean;
}

const toUser = (e: DirectoryUserEntity): DirectoryUser => ({
  userId: e.userId,
  roles: e.roles,
  unitId: e.unitId,
  groups: e.groups,
  leadOf: e.leadOf,
  active: e.active,
  sealedContact: e.sealedContact,
});

/** Reads the service's own directory copy (never another service's schema). */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).createQueryBuilder(DirectoryUserEntity, 'u');
  }

  async user(userId: string, manager?: EntityManager): Promise<DirectoryUser | null> {
    const entity = await (manager ?? this.dataSource.manager).findOneBy(DirectoryUserEntity, { userId });
    return entity ? toUser(entity) : null;
  }

  /** Active users holding `role`, optionally only those of one unit. */
  async usersWithRole(role: Role, unitId?: string | null, manager?: EntityManager): Promise<DirectoryUser[]> {
    const query = this.users(manager).where('u.active').andWhere(':role = ANY(u.roles)', { role });
    if (unitId) query.andWhere('u.unitId = :unitId', { unitId });
    return (await query.orderBy('u.userId').getMany()).map(toUser);
  }

  /** Active members (or only the leads) of a task group such as `legal`. */
  async groupMembers(group: string, leadsOnly = false, manager?: EntityManager): Promise<DirectoryUser[]> {
    const column = leadsOnly ? 'u.leadOf' : 'u.groups';
    const entities = await this.users(manager)
      .where('u.active')
      .andWhere(`:group = ANY(${column})`, { group })
      .orderBy('u.userId')
      .getMany();
    return entities.map(toUser);
  }

  /**
   * What may revoke a token of the user: active, token version and whether `sessionId` was ended lately, in the one
   * query the guard makes per request (null for a user this copy does not know).
   */
  async tokenState(userId: string, sessionId: string | null): Promise<KnownTokenState | null> {
    const r = await this.users()
      .select('u.active', 'active')
      .addSelect('u.tokenVersion', 'token_version')
      .addSelect('coalesce(CAST(:sessionId AS uuid) = ANY(u.revokedSessions), false)', 'session_revoked')
      .where('u.userId = :userId', { userId, sessionId })
      .getRawOne<{ active: boolean; token_version: number; session_revoked: boolean }>();
    return r ? { active: r.active, tokenVersion: r.token_version, sessionRevoked: r.session_revoked } : null;
  }

  async unit(unitId: string, manager?: EntityManager): Promise<DirectoryUnit | null> {
    const e = await (manager ?? this.dataSource.manager).findOneBy(DirectoryUnitEntity, { unitId });
    return e ? { unitId: e.unitId, name: e.name, headUserId: e.headUserId, active: e.active } : null;
  }
}

/**
 * A service with a directory copy refuses the tokens its copy says are revoked: the user deactivated, the token's
 * version older than the user's, or its session ended (libs/auth guard).
 */
@Injectable()
export class DirectoryRevocation implements PrincipalRevocation {
  constructor(private readonly directory: DirectoryService) {}

  async refusal(principal: Principal): Promise<TokenRefusal | null> {
    if (!UUID.test(principal.userId)) return null;
    const sessionId = principal.sessionId && UUID.test(principal.sessionId) ? principal.sessionId : null;
    const state = await this.directory.tokenState(principal.userId, sessionId);
    return tokenRefusal({ tokenVersion: principal.tokenVersion ?? 0, sessionId }, state);
  }
}
