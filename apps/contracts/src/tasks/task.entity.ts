import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TaskGroup, TaskStatus } from '@dealgate/domain';

/** One row of `contract_task`; only TasksRepository sees it. Why decorators: see cases/case.entity.ts. */
@Entity({ name: 'contract_task' })
export class ContractTaskEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  /** The template key; unique per case. */
  @Column({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'group_name', type: 'text' })
  group!: TaskGroup;

  /** Keys of the case's tasks this one waits for. */
  @Column({ name: 'depends_on', type: 'text', array: true })
  dependsOn!: string[];

  @Column({ name: 'due_days', type: 'integer' })
  dueDays!: number;

  @Column({ name: 'required', type: 'boolean' })
  required!: boolean;

  @Column({ name: 'position', type: 'integer' })
  position!: number;

  @Column({ name: 'status', type: 'text' })
  status!: TaskStatus;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'available_since', type: 'timestamptz', nullable: true })
  availableSince!: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ name: 'result', type: 'text', nullable: true })
  result!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Bumped by the repository on every change (targeted UPDATEs, so not a @VersionColumn). */
  @Column({ name: 'version', type: 'integer' })
  version!: number;
}
