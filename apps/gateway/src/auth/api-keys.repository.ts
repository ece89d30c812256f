import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { Role } from '@dealgate/domain';
import { AppUserEntity } from '../identity/user.entity';
import { ApiKeyEntity } from './api-key.entity';

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

const toRecord = (e: ApiKeyEntity): ApiKeyRecord => ({
  id: e.id,
  keyId: e.keyId,
  userId: e.userId,
  name: e.name,
  secretHash: e.secretHash,
  roles: e.roles,
  createdAt: e.createdAt,
  lastUsedAt: e.lastUsedAt,
  revokedAt: e.revokedAt,
});

/** What findLive reads of the owner beside the key. */
interface OwnerColumns {
  owner_active: boolean;
  owner_roles: Role[];
  owner_unit_id: string | null;
  owner_tv: number;
}

@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    key: Pick<ApiKeyRecord, 'id' | 'keyId' | 'userId' | 'name' | 'secretHash' | 'roles'>,
    manager: EntityManager,
  ): Promise<ApiKeyRecord> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ApiKeyEntity)
      .values({
        id: key.id,
        keyId: key.keyId,
        userId: key.userId,
        name: key.name,
        secretHash: key.secretHash,
        roles: [...key.roles],
      })
      .returning('*')
      .execute();
    return toRecord(hydrateRows(manager, ApiKeyEntity, result.raw as Record<string, unknown>[])[0]);
  }

  /** An unrevoked key by its public id, with its owner (one statement: the key and the owner as of one moment). */
  async findLive(keyId: string): Promise<ApiKeyWithOwner | null> {
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(ApiKeyEntity, 'k')
      .innerJoin(AppUserEntity, 'u', 'u.id = k.user_id')
      .addSelect('u.active', 'owner_active')
      .addSelect('u.roles', 'owner_roles')
      .addSelect('u.unit_id', 'owner_unit_id')
      .addSelect('u.token_version', 'owner_tv')
      .where({ keyId, revokedAt: IsNull() })
      .getRawAndEntities<OwnerColumns>();
    const [k] = entities;
    if (k === undefined) return null;
    const owner = raw[0];
    return {
      ...toRecord(k),
      ownerActive: owner.owner_active,
      ownerRoles: owner.owner_roles,
      ownerUnitId: owner.owner_unit_id,
      ownerTokenVersion: owner.owner_tv,
    };
  }

  async findById(id: string): Promise<ApiKeyRecord | null> {
    const entity = await this.dataSource.manager.findOneBy(ApiKeyEntity, { id });
    return entity ? toRecord(entity) : null;
  }

  /** Keys of one user (or of everyone when `userId` is null), newest first. */
  async list(
    userId: string | null,
    page: { limit: number; offset: number },
  ): Promise<{ items: ApiKeyRecord[]; total: number }> {
    const [entities, total] = await this.dataSource.manager.findAndCount(ApiKeyEntity, {
      where: userId === null ? {} : { userId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: entities.map(toRecord), total };
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .update(ApiKeyEntity)
      .set({ lastUsedAt: now })
      .where({ id })
      .execute();
  }

  async revoke(id: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(ApiKeyEntity)
      .set({ revokedAt: now })
      .where({ id, revokedAt: IsNull() })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async revokeAllOfUser(userId: string, now: Date, manager: EntityManager): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ApiKeyEntity)
      .set({ revokedAt: now })
      .where({ userId, revokedAt: IsNull() })
      .execute();
    return result.affected ?? 0;
  }
}
