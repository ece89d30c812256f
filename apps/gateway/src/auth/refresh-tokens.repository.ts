import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  userActive: boolean;
}

interface TokenRow {
  id: string;
  family_id: string;
  user_id: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  user_active: boolean;
}

/** Refresh tokens are stored as SHA-256 hashes: they are long random strings, so a fast hash is safe and indexable. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    token: { id: string; familyId: string; userId: string; tokenHash: string; expiresAt: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO refresh_token (id, family_id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [token.id, token.familyId, token.userId, token.tokenHash, token.expiresAt],
    );
  }

  /** Locks the row, so two concurrent refreshes with the same token cannot both rotate it. */
  async findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<RefreshTokenRecord | null> {
    const rows = await manager.query<TokenRow[]>(
      `SELECT t.id, t.family_id, t.user_id, t.expires_at, t.rotated_at, t.revoked_at, u.active AS user_active
       FROM refresh_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1 FOR UPDATE OF t`,
      [tokenHash],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          familyId: r.family_id,
          userId: r.user_id,
          expiresAt: r.expires_at,
          rotatedAt: r.rotated_at,
          revokedAt: r.revoked_at,
          userActive: r.user_active,
        }
      : null;
  }

  async markRotated(id: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE refresh_token SET rotated_at = $2 WHERE id = $1', [id, now]);
  }

  async revokeFamily(familyId: string, reason: string, now: Date, manager?: EntityManager): Promise<number> {
    const result = await (manager ?? this.dataSource.manager).query<[unknown[], number]>(
      'UPDATE refresh_token SET revoked_at = $2, revoke_reason = $3 WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId, now, reason],
    );
    return result[1];
  }

  async revokeAllOfUser(userId: string, reason: string, now: Date, manager: EntityManager): Promise<number> {
    const result = await manager.query<[unknown[], number]>(
      'UPDATE refresh_token SET revoked_at = $2, revoke_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL',
      [userId, now, reason],
    );
    return result[1];
  }
}
