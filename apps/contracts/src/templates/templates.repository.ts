import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryDeepPartialEntity } from 'typeorm';
import { TaskTemplate } from '@dealgate/domain';
import { TaskTemplateSetEntity } from './template-set.entity';
import { TemplateSet } from './template-set.records';

/** The set's row: the table holds exactly one (its CHECK). */
const SET_ID = 1;

/** The task template set, versioned for optimistic edits. Entities stay in here: callers get TemplateSet records. */
@Injectable()
export class TemplatesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async current(manager?: EntityManager): Promise<TemplateSet> {
    const e = await (manager ?? this.dataSource.manager).findOneByOrFail(TaskTemplateSetEntity, { id: SET_ID });
    return {
      templates: e.templates,
      version: e.version,
      updatedBy: e.updatedBy,
      updatedAt: e.updatedAt.toISOString(),
    };
  }

  /** Replaces the set if it is still at `expectedVersion`; false when someone saved in between. */
  async replace(templates: TaskTemplate[], expectedVersion: number, userId: string, now: Date): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(TaskTemplateSetEntity)
      .set({
        templates: templates as QueryDeepPartialEntity<TaskTemplate[]>,
        version: () => 'version + 1',
        updatedBy: userId,
        updatedAt: now,
      })
      .where({ id: SET_ID, version: expectedVersion })
      .execute();
    return result.affected === 1;
  }
}
