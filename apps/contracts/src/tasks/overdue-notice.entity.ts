import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OverdueLevel } from '@dealgate/domain';

/**
 * One row of `overdue_notice`: a notice the overdue sweep sent, one per task and level, written with its
 * task.overdue outbox row; only TasksRepository sees it.
 */
@Entity({ name: 'overdue_notice' })
export class OverdueNoticeEntity {
  @PrimaryColumn({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId!: string;

  @Column({ name: 'level', type: 'text' })
  level!: OverdueLevel;

  @Column({ name: 'sent_at', type: 'timestamptz' })
  sentAt!: Date;
}
