import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { hydrateRows } from '@dealgate/database';
import { UnitEntity } from './unit.entity';

export interface UnitRecord {
  id: string;
  name: string;
  headUserId: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type UnitChanges = Partial<Pick<UnitRecord, 'name' | 'headUserId' | 'active'>>;

const toRecord = (e: UnitEntity): UnitRecord => ({
  id: e.id,
  name: e.name,
  headUserId: e.headUserId,
  active: e.active,
  version: e.version,
  createdAt: e.createdAt,
  updatedAt: e.updatedAt,
});

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the name is taken (unit_name_uq, whatever the case), so concurrent creations have one winner. */
  async insert(
    unit: { id: string; name: string; headUserId: string | null },
    manager: EntityManager,
  ): Promise<UnitRecord | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(UnitEntity)
      .values({ id: unit.id, name: unit.name, headUserId: unit.headUserId })
      .orIgnore()
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, UnitEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toRecord(entity);
  }

  async findById(id: string, manager?: EntityManager, forUpdate = false): Promise<UnitRecord | null> {
    const query = (manager ?? this.dataSource.manager).createQueryBuilder(UnitEntity, 'unit').where({ id });
    const entity = await (forUpdate ? query.setLock('pessimistic_write') : query).getOne();
    return entity ? toRecord(entity) : null;
  }

  async list(page: {
    limit: number;
    offset: number;
    active?: boolean;
  }): Promise<{ items: UnitRecord[]; total: number }> {
    const [entities, total] = await this.dataSource.manager.findAndCount(UnitEntity, {
      where: page.active === undefined ? {} : { active: page.active },
      order: { name: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: entities.map(toRecord), total };
  }

  /** Null on a stale version, or when the new name is taken ('taken'). */
  async update(
    id: string,
    version: number,
    changes: UnitChanges,
    manager: EntityManager,
  ): Promise<UnitRecord | 'taken' | null> {
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as UnitChanges;
    try {
      // A nested transaction is a savepoint: a refused name rolls back this update only, not the caller's work.
      const raw = await manager.transaction(async (inner) => {
        const result = await inner
          .createQueryBuilder()
          .update(UnitEntity)
          .set({ ...set, version: () => 'version + 1', updatedAt: () => 'now()' })
          .where({ id, version })
          .returning('*')
          .execute();
        return result.raw as Record<string, unknown>[];
      });
      const [entity] = hydrateRows(manager, UnitEntity, raw);
      return entity === undefined ? null : toRecord(entity);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      return 'taken';
    }
  }
}
