import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ApprovalSlaLevel } from '@dealgate/domain';

/** One row of `approval_sla_event`: a reminder or escalation emitted once, under its key. */
@Entity({ name: 'approval_sla_event' })
export class ApprovalSlaEventEntity {
  @PrimaryColumn({ name: 'key', type: 'text' })
  key!: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'step_index', type: 'integer' })
  stepIndex!: number;

  @Column({ name: 'level', type: 'text' })
  level!: ApprovalSlaLevel;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt!: Date;

  @Column({ name: 'emitted_at', type: 'timestamptz' })
  emittedAt!: Date;
}
