import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Role } from '@dealgate/domain';
import { StepStatus } from './request.records';

/**
 * One row of `approval_step`: a step of a request's frozen chain; only the request repositories see it. No relation to
 * ApprovalRequestEntity: steps are always read by request id in one set-based query, never lazily per request.
 * Why decorators: see request.entity.ts.
 */
@Entity({ name: 'approval_step' })
export class ApprovalStepEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @PrimaryColumn({ name: 'step_index', type: 'integer' })
  stepIndex!: number;

  @Column({ name: 'policy_step_index', type: 'integer' })
  policyStepIndex!: number;

  // The approver: a user, or a role with an optional unit (a CHECK constraint allows exactly one of user and role).
  @Column({ name: 'approver_user_id', type: 'uuid', nullable: true })
  approverUserId!: string | null;

  @Column({ name: 'approver_role', type: 'text', nullable: true })
  approverRole!: Role | null;

  @Column({ name: 'approver_unit_id', type: 'uuid', nullable: true })
  approverUnitId!: string | null;

  @Column({ name: 'escalate_user_id', type: 'uuid', nullable: true })
  escalateUserId!: string | null;

  @Column({ name: 'escalate_role', type: 'text', nullable: true })
  escalateRole!: Role | null;

  @Column({ name: 'escalate_unit_id', type: 'uuid', nullable: true })
  escalateUnitId!: string | null;

  @Column({ name: 'due_after_minutes', type: 'integer' })
  dueAfterMinutes!: number;

  @Column({ name: 'escalation_grace_minutes', type: 'integer' })
  escalationGraceMinutes!: number;

  @Column({ name: 'status', type: 'text' })
  status!: StepStatus;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'escalation_at', type: 'timestamptz', nullable: true })
  escalationAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'on_behalf_of', type: 'uuid', nullable: true })
  onBehalfOf!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'comment', type: 'text', nullable: true })
  comment!: string | null;
}
