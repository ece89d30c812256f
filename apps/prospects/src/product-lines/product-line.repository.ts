import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Stage } from '@dealgate/domain';
import { hydrateRows } from '@dealgate/database';
import { ProductLineEntity } from './product-line.entity';
import { ProductLineView } from './product-line.view';
export { ProductLineView };

const toView = (e: ProductLineEntity): ProductLineView => ({
  id: e.id,
  code: e.code,
  name: e.name,
  cycleDays: { min: e.cycleMinDays, max: e.cycleMaxDays },
  stageLimitDays: e.stageLimitDays,
  active: e.active,
  version: e.version,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export interface ProductLineData {
  name: string;
  cycleDays: { min: number; max: number };
  stageLimitDays: Record<Stage, number>;
  active: boolean;
}

const columnsOf = (d: ProductLineData) => ({
  name: d.name,
  cycleMinDays: d.cycleDays.min,
  cycleMaxDays: d.cycleDays.max,
  stageLimitDays: d.stageLimitDays,
  active: d.active,
});

/** Product lines; entities stay in here, callers get views. */
@Injectable()
export class ProductLineRepository {
  async list(manager: EntityManager, f: { active?: boolean; limit: number; offset: number }) {
    const [entities, total] = await manager.findAndCount(ProductLineEntity, {
      where: f.active === undefined ? {} : { active: f.active },
      order: { name: 'ASC' },
      take: f.limit,
      skip: f.offset,
    });
    return { items: entities.map(toView), total };
  }

  async findById(manager: EntityManager, id: string): Promise<ProductLineView | null> {
    const entity = await manager.findOneBy(ProductLineEntity, { id });
    return entity === null ? null : toView(entity);
  }

  /** Names are unique regardless of case (the table's unique index on lower(name)). */
  async nameTaken(manager: EntityManager, name: string, exceptId?: string): Promise<boolean> {
    return manager
      .createQueryBuilder(ProductLineEntity, 'pl')
      .where('lower(pl.name) = lower(:name)', { name })
      .andWhere('pl.id IS DISTINCT FROM :exceptId', { exceptId: exceptId ?? null })
      .getExists();
  }

  async insert(manager: EntityManager, d: ProductLineData): Promise<ProductLineView> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(ProductLineEntity)
      .values(columnsOf(d))
      .returning('*')
      .updateEntity(false)
      .execute();
    return toView(hydrateRows(manager, ProductLineEntity, result.raw as Record<string, unknown>[])[0]);
  }

  /** Null when the version moved on. */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    d: ProductLineData,
  ): Promise<ProductLineView | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ProductLineEntity)
      .set({ ...columnsOf(d), version: () => 'version + 1', updatedAt: () => 'now()' })
      .where({ id, version: expectedVersion })
      .returning('*')
      .execute();
    const [entity] = hydrateRows(manager, ProductLineEntity, result.raw as Record<string, unknown>[]);
    return entity === undefined ? null : toView(entity);
  }
}
