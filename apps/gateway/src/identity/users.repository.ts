import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArrayContains, DataSource, EntityManager } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { Role } from '@dealgate/domain';
import { AppUserEntity } from './user.entity';

export interface UserRecord {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  roles: Role[];
  unitId: string | null;
  groups: string[];
  leadOf: string[];
  active: boolean;
  /** Someone else chose the password (generated first admin, admin reset): the user must change it. */
  mustChangePassword: boolean;
  /** Bumped when the user's access tokens must stop working (libs/domain token-revocation). */
  tokenVersion: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewUser = Pick<
  UserRecord,
  'id' | 'email' | 'name' | 'passwordHash' | 'roles' | 'unitId' | 'groups' | 'leadOf'
> &
  Partial<Pick<UserRecord, 'mustChangePassword'>>;
export type UserChanges = Partial<
  Pick<
    UserRecord,
    | 'name'
    | 'roles'
    | 'unitId'
    | 'groups'
    | 'leadOf'
    | 'active'
    | 'passwordHash'
    | 'mustChangePassword'
    | 'tokenVersion'
  >
>;

export interface UserFilter {
  role?: Role;
  unitId?: string;
  active?: boolean;
  /** Part of the name or the e-mail. */
  q?: string;
  limit: number;
  offset: number;
}

const toRecord = (e: AppUserEntity): UserRecord => ({
  id: e.id,
  email: e.email,
  name: e.name,
  passwordHash: e.passwordHash,
  roles: e.roles,
  unitId: e.unitId,
  groups: e.groups,
  leadOf: e.leadOf,
  active: e.active,
  mustChangePassword: e.mustChangePassword,
  tokenVersion: e.tokenVersion,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

// The list's filters, each off when its value is null ($1..$4): a role held, the unit, active, and a case-insensitive
// part of the name or e-mail (its LIKE wildcards escaped, see likePattern).
const LIST_WHERE =
  `($1::text IS NULL OR $1 = ANY(roles)) AND ($2::uuid IS NULL OR unit_id = $2) AND ($3::boolean IS NULL OR active = $3)` +
  ` AND ($4::text IS NULL OR name ILIKE $4 OR email ILIKE $4)`;

const likePattern = (q: string | undefined): string | null =>
  q?.trim() ? `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Null when the e-mail is taken (unique index), so concurrent creations have exactly one winner. */
  async insert(user: NewUser, manager: EntityManager): Promise<UserRecord | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(AppUserEntity)
      .values({
        id: user.id,
        email: user.email,
        name: user.name,
        passwordHash: user.passwordHash,
        roles: [...user.roles],
        unitId: user.unitId,
        groups: [...user.groups],
        leadOf: [...user.leadOf],
        mustChangePassword: user.mustChangePassword ?? false,
      })
      .orIgnore()
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, AppUserEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toRecord(entity);
  }

  async findById(id: string, manager?: EntityManager, forUpdate = false): Promise<UserRecord | null> {
    const query = this.db(manager).createQueryBuilder(AppUserEntity, 'app_user').where({ id });
    const entity = await (forUpdate ? query.setLock('pessimistic_write') : query).getOne();
    return entity ? toRecord(entity) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const entity = await this.dataSource.manager.findOneBy(AppUserEntity, { email });
    return entity ? toRecord(entity) : null;
  }

  /** Set-based (a role among the roles, ILIKE with escaped wildcards): stays in SQL, hydrated into entities. */
  async list(filter: UserFilter): Promise<{ items: UserRecord[]; total: number }> {
    const params = [filter.role ?? null, filter.unitId ?? null, filter.active ?? null, likePattern(filter.q)];
    const manager = this.dataSource.manager;
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT app_user.* FROM app_user WHERE ${LIST_WHERE} ORDER BY email LIMIT $5 OFFSET $6`,
      [...params, filter.limit, filter.offset],
    );
    const [count] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE ${LIST_WHERE}`,
      params,
    );
    return { items: hydrateRows(manager, AppUserEntity, rows).map(toRecord), total: count.n };
  }

  /** Applies changes when `version` still matches (optimistic lock); null on a stale version. */
  async update(id: string, version: number, changes: UserChanges, manager: EntityManager): Promise<UserRecord | null> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as UserChanges;
    const result = await manager
      .createQueryBuilder()
      .update(AppUserEntity)
      .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where({ id, version })
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, AppUserEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toRecord(entity);
  }

  /** Serialises admin removals (one lock for all), so two concurrent ones cannot both see "another admin left". */
  async countActiveAdmins(manager: EntityManager): Promise<number> {
    // An advisory lock has no query-builder form: it stays a statement of its own.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dealgate.gateway.admins'))`);
    return manager.countBy(AppUserEntity, { active: true, roles: ArrayContains([Role.Admin]) });
  }

  async countAll(manager?: EntityManager): Promise<number> {
    return this.db(manager).count(AppUserEntity);
  }
}
