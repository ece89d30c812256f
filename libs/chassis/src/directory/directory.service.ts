import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, PrincipalRevocation } from '@dealgate/auth';
import { KnownTokenState, Role, TokenRefusal, tokenRefusal } from '@dealgate/domain';

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

interface UserRow {
  user_id: string;
  roles: Role[];
  unit_id: string | null;
  groups: string[];
  lead_of: string[];
  active: boolean;
  sealed_contact: string;
}

const toUser = (r: UserRow): DirectoryUser => ({
  userId: r.user_id,
  roles: r.roles,
  unitId: r.unit_id,
  groups: r.groups,
  leadOf: r.lead_of,
  active: r.active,
  sealedContact: r.sealed_contact,
});

/** Reads the service's own directory copy (never another service's schema). */
@Injectable()
export class DirectoryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async user(userId: string, manager?: EntityManager): Promise<DirectoryUser | null> {
    const rows = await this.db(manager).query<UserRow[]>('SELECT * FROM directory_user WHERE user_id = $1', [userId]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  /** Active users holding `role`, optionally only those of one unit. */
  async usersWithRole(role: Role, unitId?: string | null, manager?: EntityManager): Promise<DirectoryUser[]> {
    const rows = await this.db(manager).query<UserRow[]>(
      `SELECT * FROM directory_user WHERE active AND $1 = ANY(roles) AND ($2::uuid IS NULL OR unit_id = $2) ORDER BY user_id`,
      [role, unitId ?? null],
    );
    return rows.map(toUser);
  }

  /** Active members (or only the leads) of a task group such as `legal`. */
  async groupMembers(group: string, leadsOnly = false, manager?: EntityManager): Promise<DirectoryUser[]> {
    const column = leadsOnly ? 'lead_of' : 'groups';
    const rows = await this.db(manager).query<UserRow[]>(
      `SELECT * FROM directory_user WHERE active AND $1 = ANY(${column}) ORDER BY user_id`,
      [group],
    );
    return rows.map(toUser);
  }

  /**
   * What may revoke a token of the user: active, token version and whether `sessionId` was ended lately, in the one
   * query the guard makes per request (null for a user this copy does not know).
   */
  async tokenState(userId: string, sessionId: string | null): Promise<KnownTokenState | null> {
    const rows = await this.dataSource.query<{ active: boolean; token_version: number; session_revoked: boolean }[]>(
      `SELECT active, token_version, coalesce($2::uuid = ANY(revoked_sessions), false) AS session_revoked
       FROM directory_user WHERE user_id = $1`,
      [userId, sessionId],
    );
    const r = rows[0];
    return r ? { active: r.active, tokenVersion: r.token_version, sessionRevoked: r.session_revoked } : null;
  }

  async unit(unitId: string, manager?: EntityManager): Promise<DirectoryUnit | null> {
    const rows = await this.db(manager).query<
      { unit_id: string; name: string; head_user_id: string | null; active: boolean }[]
    >('SELECT * FROM directory_unit WHERE unit_id = $1', [unitId]);
    const r = rows[0];
    return r ? { unitId: r.unit_id, name: r.name, headUserId: r.head_user_id, active: r.active } : null;
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
