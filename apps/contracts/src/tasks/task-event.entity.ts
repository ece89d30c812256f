import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `task_event`: the history of a task (claims, hand-overs, completions); only TasksRepository sees it. */
@Entity({ name: 'task_event' })
export class TaskEventEntity {
  /** A bigserial in the table (the migration's sequence numbers the events), so not a generated column here. */
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'kind', type: 'text' })
  kind!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'reason', type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
