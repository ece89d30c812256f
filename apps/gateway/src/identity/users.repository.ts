import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@dealgate/domain';

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

interface UserRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  roles: Role[];
  unit_id: string | null;
  groups: string[];
  lead_of: string[];
  active: boolean;
  must_change_password: boolean;
  token_version: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (r: UserRow): UserRecord => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  roles: r.roles,
  unitId: r.unit_id,
  groups: r.groups,
  leadOf: r.lead_of,
  active: r.active,
  mustChangePassword: r.must_change_password,
  tokenVersion: r.token_version,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS: Record<keyof UserChanges, string> = {
  name: 'name',
  roles: 'roles',
  unitId: 'unit_id',
  groups: 'groups',
  leadOf: 'lead_of',
  active: 'active',
  passwordHash: 'password_hash',
  mustChangePassword: 'must_change_password',
  tokenVersion: 'token_version',
};

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private db(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /** Null when the e-mail is taken (unique index), so concurrent creations have exactly one winner. */
  async insert(user: NewUser, manager: EntityManager): Promise<UserRecord | null> {
    try {
      await manager.query('SAVEPOINT user_insert');
      const rows = await manager.query<UserRow[]>(
        `INSERT INTO app_user (id, email, name, password_hash, roles, unit_id, groups, lead_of, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          user.id,
          user.email,
          user.name,
          user.passwordHash,
          user.roles,
          user.unitId,
          user.groups,
          user.leadOf,
          user.mustChangePassword ?? false,
        ],
      );
      return toRecord(rows[0]);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT user_insert');
      return null;
    }
  }

  async findById(id: string, manager?: EntityManager, forUpdate = false): Promise<UserRecord | null> {
    const rows = await this.db(manager).query<UserRow[]>(
      `SELECT * FROM app_user WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const rows = await this.dataSource.query<UserRow[]>('SELECT * FROM app_user WHERE email = $1', [email]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(filter: UserFilter): Promise<{ items: UserRecord[]; total: number }> {
    const where =
      `($1::text IS NULL OR $1 = ANY(roles)) AND ($2::uuid IS NULL OR unit_id = $2) AND ($3::boolean IS NULL OR active = $3)` +
      ` AND ($4::text IS NULL OR name ILIKE $4 OR email ILIKE $4)`;
    const q = filter.q?.trim() ? `%${filter.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const params = [filter.role ?? null, filter.unitId ?? null, filter.active ?? null, q];
    const rows = await this.dataSource.query<UserRow[]>(
      `SELECT * FROM app_user WHERE ${where} ORDER BY email LIMIT $5 OFFSET $6`,
      [...params, filter.limit, filter.offset],
    );
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE ${where}`,
      params,
    );
    return { items: rows.map(toRecord), total: count.n };
  }

  /** Applies changes when `version` still matches (optimistic lock); null on a stale version. */
  async update(id: string, version: number, changes: UserChanges, manager: EntityManager): Promise<UserRecord | null> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof UserChanges, unknown][];
    const sets = entries.map(([key], i) => `${COLUMNS[key]} = $${i + 3}`);
    const rows = await manager.query<UserRow[]>(
      `UPDATE app_user SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, version, ...entries.map(([, v]) => v)],
    );
    // TypeORM returns [rows, count] for UPDATE ... RETURNING on postgres.
    const updated = (Array.isArray(rows[0]) ? rows[0] : rows) as UserRow[];
    return updated[0] ? toRecord(updated[0]) : null;
  }

  /** Serialises admin removals (one lock for all), so two concurrent ones cannot both see "another admin left". */
  async countActiveAdmins(manager: EntityManager): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dealgate.gateway.admins'))`);
    const [row] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM app_user WHERE active AND 'admin' = ANY(roles)`,
    );
    return row.n;
  }

  async countAll(manager?: EntityManager): Promise<number> {
    const [row] = await this.db(manager).query<{ n: number }[]>('SELECT count(*)::int AS n FROM app_user');
    return row.n;
  }
}
