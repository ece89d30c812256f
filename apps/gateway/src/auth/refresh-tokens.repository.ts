import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AppUserEntity } from '../identity/user.entity';
import { RefreshTokenEntity } from './refresh-token.entity';

export interface RefreshTokenRecord {
  id: string;
  familyId: string;
  userId: string;
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  userActive: boolean;
}

/** Refresh tokens are stored as SHA-256 hashes: they are long random strings, so a fast hash is safe and indexable. */
@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    token: { id: string; familyId: string; userId: string; tokenHash: string; expiresAt: Date },
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(RefreshTokenEntity)
      .values({
        id: token.id,
        familyId: token.familyId,
        userId: token.userId,
        tokenHash: token.tokenHash,
        expiresAt: token.expiresAt,
      })
      .execute();
  }

  /** Locks the token's row (not the user's), so two concurrent refreshes with the same token cannot both rotate it. */
  async findByHashForUpdate(tokenHash: string, manager: EntityManager): Promise<RefreshTokenRecord | null> {
    const { entities, raw } = await manager
      .createQueryBuilder(RefreshTokenEntity, 't')
      .innerJoin(AppUserEntity, 'u', 'u.id = t.user_id')
      .addSelect('u.active', 'user_active')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write', undefined, ['t'])
      .getRawAndEntities<{ user_active: boolean }>();
    const [t] = entities;
    if (t === undefined) return null;
    return {
      id: t.id,
      familyId: t.familyId,
      userId: t.userId,
      expiresAt: t.expiresAt,
      rotatedAt: t.rotatedAt,
      revokedAt: t.revokedAt,
      userActive: raw[0].user_active,
    };
  }

  async markRotated(id: string, now: Date, manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().update(RefreshTokenEntity).set({ rotatedAt: now }).where({ id }).execute();
  }

  async revokeFamily(familyId: string, reason: string, now: Date, manager?: EntityManager): Promise<number> {
    const result = await (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now, revokeReason: reason })
      .where({ familyId, revokedAt: IsNull() })
      .execute();
    return result.affected ?? 0;
  }

  async revokeAllOfUser(userId: string, reason: string, now: Date, manager: EntityManager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: now, revokeReason: reason })
      .where({ userId, revokedAt: IsNull() })
      .execute();
    return result.affected ?? 0;
  }
}
