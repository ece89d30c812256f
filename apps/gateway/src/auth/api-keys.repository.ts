import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@dealgate/domain';

export interface ApiKeyRecord {
  id: string;
  keyId: string;
  userId: string;
  name: string;
  secretHash: string;
  roles: Role[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A key with what authentication needs to know about its owner. */
export interface ApiKeyWithOwner extends ApiKeyRecord {
  ownerActive: boolean;
  ownerRoles: Role[];
  ownerUnitId: string | null;
  ownerTokenVersion: number;
}

interface KeyRow {
  id: string;
  key_id: string;
  user_id: string;
  name: string;
  secret_hash: string;
  roles: Role[];
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  total?: number;
}

const toRecord = (r: KeyRow): ApiKeyRecord => ({
  id: r.id,
  keyId: r.key_id,
  userId: r.user_id,
  name: r.name,
  secretHash: r.secret_hash,
  roles: r.roles,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    key: Pick<ApiKeyRecord, 'id' | 'keyId' | 'userId' | 'name' | 'secretHash' | 'roles'>,
    manager: EntityManager,
  ): Promise<ApiKeyRecord> {
    const rows = await manager.query<KeyRow[]>(
      'INSERT INTO api_key (id, key_id, user_id, name, secret_hash, roles) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [key.id, key.keyId, key.userId, key.name, key.secretHash, key.roles],
    );
    return toRecord(rows[0]);
  }

  /** An unrevoked key by its public id, with its owner. */
  async findLive(keyId: string): Promise<ApiKeyWithOwner | null> {
    const rows = await this.dataSource.query<
      (KeyRow & { owner_active: boolean; owner_roles: Role[]; owner_unit_id: string | null; owner_tv: number })[]
    >(
      `SELECT k.*, u.active AS owner_active, u.roles AS owner_roles, u.unit_id AS owner_unit_id,
         u.token_version AS owner_tv
       FROM api_key k JOIN app_user u ON u.id = k.user_id WHERE k.key_id = $1 AND k.revoked_at IS NULL`,
      [keyId],
    );
    const r = rows[0];
    return r
      ? {
          ...toRecord(r),
          ownerActive: r.owner_active,
          ownerRoles: r.owner_roles,
          ownerUnitId: r.owner_unit_id,
          ownerTokenVersion: r.owner_tv,
        }
      : null;
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const rows = await this.dataSource.query<KeyRow[]>('SELECT * FROM api_key WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** Keys of one user (or of everyone when `userId` is null), newest first. */
  async list(
    userId: string | null,
    page: { limit: number; offset: number },
  ): Promise<{ items: ApiKeyRecord[]; total: number }> {
    const rows = await this.dataSource.query<KeyRow[]>(
      `SELECT *, count(*) OVER ()::int AS total FROM api_key WHERE ($1::uuid IS NULL OR user_id = $1)
       ORDER BY created_at DESC, id LIMIT $2 OFFSET $3`,
      [userId, page.limit, page.offset],
    );
    return { items: rows.map(toRecord), total: rows[0]?.total ?? 0 };
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.dataSource.query('UPDATE api_key SET last_used_at = $2 WHERE id = $1', [id, now]);
  }

  async revoke(id: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager.query<[unknown[], number]>(
      'UPDATE api_key SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL',
      [id, now],
    );
    return result[1] > 0;
  }

  async revokeAllOfUser(userId: string, now: Date, manager: EntityManager): Promise<number> {
    const result = await manager.query<[unknown[], number]>(
      'UPDATE api_key SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, now],
    );
    return result[1];
  }
}
