import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AuditAction } from './audit.repository';

/** One row of the append-only `approval_audit` (a trigger refuses updates and deletes). */
@Entity({ name: 'approval_audit' })
export class ApprovalAuditEntity {
  /** bigserial: the table numbers the rows in the order they were written; read as text to stay exact. */
  @PrimaryColumn({ name: 'id', type: 'bigint' })
  id!: string;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId!: string | null;

  @Column({ name: 'subject_id', type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ name: 'action', type: 'text' })
  action!: AuditAction;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'on_behalf_of', type: 'uuid', nullable: true })
  onBehalfOf!: string | null;

  @Column({ name: 'step_index', type: 'integer', nullable: true })
  stepIndex!: number | null;

  @Column({ name: 'detail', type: 'jsonb' })
  detail!: Record<string, unknown>;

  @Column({ name: 'at', type: 'timestamptz' })
  at!: Date;
}
