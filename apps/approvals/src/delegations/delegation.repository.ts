import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { ApprovalDelegationEntity } from './delegation.entity';
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

const toView = (e: ApprovalDelegationEntity): DelegationView => ({
  id: e.id,
  approverId: e.approverId,
  delegateId: e.delegateId,
  startsAt: e.startsAt.toISOString(),
  endsAt: e.endsAt.toISOString(),
  createdAt: e.createdAt.toISOString(),
  revokedAt: e.revokedAt === null ? null : e.revokedAt.toISOString(),
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
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalDelegationEntity)
      .values({
        approverId: d.approverId,
        approverRoles: [...d.approverRoles],
        approverUnitId: d.approverUnitId,
        delegateId: d.delegateId,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        createdAt: d.createdAt,
      })
      .returning('*')
      .execute();
    return toView(hydrateRows(manager, ApprovalDelegationEntity, result.raw as Record<string, unknown>[])[0]);
  }

  /** Revokes one of the approver's own delegations; null when it is not theirs (or does not exist). */
  async revoke(manager: EntityManager, id: string, approverId: string, at: Date): Promise<DelegationView | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ApprovalDelegationEntity)
      // A second revocation keeps the first one's time.
      .set({ revokedAt: () => 'COALESCE(revoked_at, :at)' })
      .setParameter('at', at)
      .where({ id, approverId })
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, ApprovalDelegationEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toView(entity);
  }

  /** Delegations given or received by the user, optionally only those active at `activeAt`. */
  async listFor(
    manager: EntityManager,
    userId: string,
    filters: { role?: 'given' | 'received'; activeAt?: Date },
    page: { limit: number; offset: number },
  ): Promise<{ items: DelegationView[]; total: number }> {
    const mine: FindOptionsWhere<ApprovalDelegationEntity>[] = [];
    const active = filters.activeAt
      ? { revokedAt: IsNull(), startsAt: LessThanOrEqual(filters.activeAt), endsAt: MoreThan(filters.activeAt) }
      : {};
    if (filters.role !== 'received') mine.push({ approverId: userId, ...active });
    if (filters.role !== 'given') mine.push({ delegateId: userId, ...active });
    const [entities, total] = await manager.findAndCount(ApprovalDelegationEntity, {
      where: mine,
      order: { startsAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: entities.map(toView), total };
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
