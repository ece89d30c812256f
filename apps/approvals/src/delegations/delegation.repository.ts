import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Role } from '@dealgate/domain';
import { DelegationView } from './delegation.view';
export { DelegationView };

/** An active delegation, with the approver's roles and unit as the directory knows them now. */
export interface ActiveDelegation {
  approverId: string;
  roles: Role[];
  unitId: string | null;
  startsAt: Date;
  endsAt: Date;
}

interface DelegationRow {
  id: string;
  approver_id: string;
  delegate_id: string;
  starts_at: Date;
  ends_at: Date;
  created_at: Date;
  revoked_at: Date | null;
}

const toView = (r: DelegationRow): DelegationView => ({
  id: r.id,
  approverId: r.approver_id,
  delegateId: r.delegate_id,
  startsAt: new Date(r.starts_at).toISOString(),
  endsAt: new Date(r.ends_at).toISOString(),
  createdAt: new Date(r.created_at).toISOString(),
  revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at).toISOString(),
});

export interface NewDelegation {
  approverId: string;
  approverRoles: readonly Role[];
  approverUnitId: string | null;
  delegateId: string;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
}

@Injectable()
export class DelegationRepository {
  async insert(manager: EntityManager, d: NewDelegation): Promise<DelegationView> {
    const rows = await manager.query<DelegationRow[]>(
      `INSERT INTO approval_delegation (approver_id, approver_roles, approver_unit_id, delegate_id, starts_at, ends_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [d.approverId, d.approverRoles, d.approverUnitId, d.delegateId, d.startsAt, d.endsAt, d.createdAt],
    );
    return toView(rows[0]);
  }

  /** Revokes one of the approver's own delegations; null when it is not theirs (or does not exist). */
  async revoke(manager: EntityManager, id: string, approverId: string, at: Date): Promise<DelegationView | null> {
    const [rows] = await manager.query<[DelegationRow[], number]>(
      `UPDATE approval_delegation SET revoked_at = COALESCE(revoked_at, $3)
       WHERE id = $1 AND approver_id = $2 RETURNING *`,
      [id, approverId, at],
    );
    return rows[0] ? toView(rows[0]) : null;
  }

  /** Delegations given or received by the user, optionally only those active at `activeAt`. */
  async listFor(
    manager: EntityManager,
    userId: string,
    filters: { role?: 'given' | 'received'; activeAt?: Date },
    page: { limit: number; offset: number },
  ): Promise<{ items: DelegationView[]; total: number }> {
    const where = `(($2::text IS DISTINCT FROM 'received' AND approver_id = $1) OR ($2::text IS DISTINCT FROM 'given' AND delegate_id = $1))
      AND ($3::timestamptz IS NULL OR (revoked_at IS NULL AND starts_at <= $3 AND $3 < ends_at))`;
    const params = [userId, filters.role ?? null, filters.activeAt ?? null];
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM approval_delegation WHERE ${where}`,
      params,
    );
    const rows = await manager.query<DelegationRow[]>(
      `SELECT * FROM approval_delegation WHERE ${where} ORDER BY starts_at DESC, id LIMIT $4 OFFSET $5`,
      [...params, page.limit, page.offset],
    );
    return { items: rows.map(toView), total };
  }

  /**
   * Delegations to `delegateId` running at `now` (start inclusive, end exclusive), with the approver as they are
   * now: the directory copy when it knows them (an approver who left confers nothing), else the stored snapshot.
   */
  async activeFor(manager: EntityManager, delegateId: string, now: Date): Promise<ActiveDelegation[]> {
    const rows = await manager.query<
      { approver_id: string; roles: Role[]; unit_id: string | null; starts_at: Date; ends_at: Date }[]
    >(
      `SELECT d.approver_id, COALESCE(u.roles, d.approver_roles) AS roles,
              CASE WHEN u.user_id IS NULL THEN d.approver_unit_id ELSE u.unit_id END AS unit_id, d.starts_at, d.ends_at
       FROM approval_delegation d LEFT JOIN directory_user u ON u.user_id = d.approver_id
       WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND d.starts_at <= $2 AND $2 < d.ends_at
         AND COALESCE(u.active, true)`,
      [delegateId, now],
    );
    return rows.map((r) => ({
      approverId: r.approver_id,
      roles: r.roles,
      unitId: r.unit_id,
      startsAt: new Date(r.starts_at),
      endsAt: new Date(r.ends_at),
    }));
  }
}
