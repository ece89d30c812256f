import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TaskTemplate } from '@dealgate/domain';

export interface TemplateSet {
  templates: TaskTemplate[];
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

interface Row {
  templates: TaskTemplate[];
  version: number;
  updated_by: string | null;
  updated_at: Date;
}

@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(manager?: EntityManager): Promise<TemplateSet> {
    const [row] = await (manager ?? this.dataSource.manager).query<Row[]>(
      'SELECT * FROM task_template_set WHERE id = 1',
    );
    return {
      templates: row.templates,
      version: row.version,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Replaces the set if it is still at `expectedVersion`; false when someone saved in between. */
  async replace(templates: TaskTemplate[], expectedVersion: number, userId: string, now: Date): Promise<boolean> {
    const [, affected] = await this.dataSource.query<[unknown, number]>(
      `UPDATE task_template_set SET templates = $1, version = version + 1, updated_by = $2, updated_at = $3
        WHERE id = 1 AND version = $4`,
      [JSON.stringify(templates), userId, now, expectedVersion],
    );
    return affected === 1;
  }
}
