import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Stage } from '@dealgate/domain';
import { ProductLineView } from './product-line.view';
export { ProductLineView };

interface Row {
  id: string;
  code: string | null;
  name: string;
  cycle_min_days: number;
  cycle_max_days: number;
  stage_limit_days: Record<Stage, number>;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toView = (r: Row): ProductLineView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  cycleDays: { min: r.cycle_min_days, max: r.cycle_max_days },
  stageLimitDays: r.stage_limit_days,
  active: r.active,
  version: r.version,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

export interface ProductLineData {
  name: string;
  cycleDays: { min: number; max: number };
  stageLimitDays: Record<Stage, number>;
  active: boolean;
}

@Injectable()
export class ProductLineRepository {
  async list(manager: EntityManager, f: { active?: boolean; limit: number; offset: number }) {
    const where = f.active === undefined ? 'TRUE' : 'active = $1';
    const params = f.active === undefined ? [] : [f.active];
    const [{ total }] = await manager.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM product_line WHERE ${where}`,
      params,
    );
    const rows = await manager.query<Row[]>(
      `SELECT * FROM product_line WHERE ${where} ORDER BY name LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.limit, f.offset],
    );
    return { items: rows.map(toView), total };
  }

  async findById(manager: EntityManager, id: string): Promise<ProductLineView | null> {
    const rows = await manager.query<Row[]>('SELECT * FROM product_line WHERE id = $1', [id]);
    return rows[0] ? toView(rows[0]) : null;
  }

  async nameTaken(manager: EntityManager, name: string, exceptId?: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      'SELECT 1 FROM product_line WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2',
      [name, exceptId ?? null],
    );
    return rows.length > 0;
  }

  async insert(manager: EntityManager, d: ProductLineData): Promise<ProductLineView> {
    const rows = await manager.query<Row[]>(
      `INSERT INTO product_line (name, cycle_min_days, cycle_max_days, stage_limit_days, active) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [d.name, d.cycleDays.min, d.cycleDays.max, JSON.stringify(d.stageLimitDays), d.active],
    );
    return toView(rows[0]);
  }

  /** Null when the version moved on. */
  async update(
    manager: EntityManager,
    id: string,
    expectedVersion: number,
    d: ProductLineData,
  ): Promise<ProductLineView | null> {
    const [rows] = await manager.query<[Row[], number]>(
      `UPDATE product_line SET name = $3, cycle_min_days = $4, cycle_max_days = $5, stage_limit_days = $6, active = $7,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING *`,
      [id, expectedVersion, d.name, d.cycleDays.min, d.cycleDays.max, JSON.stringify(d.stageLimitDays), d.active],
    );
    return rows[0] ? toView(rows[0]) : null;
  }
}
