import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `task_document`: a link attached to a task; only TasksRepository sees it. */
@Entity({ name: 'task_document' })
export class TaskDocumentEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'url', type: 'text' })
  url!: string;

  @Column({ name: 'added_by', type: 'uuid' })
  addedBy!: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt!: Date;
}
