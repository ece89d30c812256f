import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `task_comment`; only TasksRepository sees it. */
@Entity({ name: 'task_comment' })
export class TaskCommentEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'body', type: 'text' })
  body!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
