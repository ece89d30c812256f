import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TaskTemplate } from '@dealgate/domain';

/**
 * The one row of `task_template_set` (id 1, a CHECK in the table): the task templates as one versioned document,
 * edited as a graph; only TemplatesRepository sees it. Why decorators: see cases/case.entity.ts.
 */
@Entity({ name: 'task_template_set' })
export class TaskTemplateSetEntity {
  @PrimaryColumn({ name: 'id', type: 'smallint' })
  id!: number;

  @Column({ name: 'templates', type: 'jsonb' })
  templates!: TaskTemplate[];

  /** Optimistic edits: a replace names the version it read (see TemplatesRepository.replace). */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
