import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

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

interface UnitRow {
  id: string;
  name: string;
  head_user_id: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const toRecord = (r: UnitRow): UnitRecord => ({
  id: r.id,
  name: r.name,
  headUserId: r.head_user_id,
  active: r.active,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const COLUMNS: Record<keyof UnitChanges, string> = { name: 'name', headUserId: 'head_user_id', active: 'active' };
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class UnitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when the name is taken. */
  async insert(
    unit: { id: string; name: string; headUserId: string | null },
    manager: EntityManager,
  ): Promise<UnitRecord | null> {
    try {
      await manager.query('SAVEPOINT unit_insert');
      const rows = await manager.query<UnitRow[]>(
        'INSERT INTO unit (id, name, head_user_id) VALUES ($1, $2, $3) RETURNING *',
        [unit.id, unit.name, unit.headUserId],
      );
      return toRecord(rows[0]);
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT unit_insert');
      return null;
    }
  }

  async findById(id: string, manager?: EntityManager, forUpdate = false): Promise<UnitRecord | null> {
    const rows = await (manager ?? this.dataSource.manager).query<UnitRow[]>(
      `SELECT * FROM unit WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] ? toRecord(rows[0]) : null;
  }

  async list(page: {
    limit: number;
    offset: number;
    active?: boolean;
  }): Promise<{ items: UnitRecord[]; total: number }> {
    const rows = await this.dataSource.query<UnitRow[]>(
      'SELECT * FROM unit WHERE ($1::boolean IS NULL OR active = $1) ORDER BY name LIMIT $2 OFFSET $3',
      [page.active ?? null, page.limit, page.offset],
    );
    const [count] = await this.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM unit WHERE ($1::boolean IS NULL OR active = $1)',
      [page.active ?? null],
    );
    return { items: rows.map(toRecord), total: count.n };
  }

  /** Null on a stale version, or when the new name is taken ('taken'). */
  async update(
    id: string,
    version: number,
    changes: UnitChanges,
    manager: EntityManager,
  ): Promise<UnitRecord | 'taken' | null> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined) as [keyof UnitChanges, unknown][];
    const sets = entries.map(([key], i) => `${COLUMNS[key]} = $${i + 3}`);
    try {
      await manager.query('SAVEPOINT unit_update');
      const result = await manager.query<unknown[]>(
        `UPDATE unit SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING *`,
        [id, version, ...entries.map(([, v]) => v)],
      );
      const rows = (Array.isArray(result[0]) ? result[0] : result) as UnitRow[];
      return rows[0] ? toRecord(rows[0]) : null;
    } catch (error) {
      if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT unit_update');
      return 'taken';
    }
  }
}
