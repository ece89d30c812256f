import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ApprovalRequestStatus, ApprovalSubjectKind } from '@dealgate/domain';

// Decorator entities rather than EntitySchema: the class is both the mapping and the typed row the query builder
// returns, so a column's name, type and TypeScript type sit on one line. Every column names its database name and
// type explicitly (no inference from emitted metadata, which reads `string | null` as Object). The migrations own the
// schema (synchronize is off): defaults, checks, indexes and the freezing triggers live there, and
// tools/migrations/entities-match-schema.int-spec.ts holds these columns to what they build.

/** One row of `approval_request`; only the request repositories see it. */
@Entity({ name: 'approval_request' })
export class ApprovalRequestEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: ApprovalSubjectKind;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'subject_version', type: 'integer' })
  subjectVersion!: number;

  @Column({ name: 'requester_id', type: 'uuid' })
  requesterId!: string;

  /** The subject's authors besides the requester. */
  @Column({ name: 'author_ids', type: 'uuid', array: true })
  authorIds!: string[];

  @Column({ name: 'unit_id', type: 'uuid', nullable: true })
  unitId!: string | null;

  /** numeric: the driver hands it over as text, exact; the repository turns it into a number. */
  @Column({ name: 'amount', type: 'numeric', nullable: true })
  amount!: string | null;

  @Column({ name: 'discount_percent', type: 'numeric', nullable: true })
  discountPercent!: string | null;

  @Column({ name: 'snapshot', type: 'jsonb' })
  snapshot!: Record<string, unknown>;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  @Column({ name: 'status', type: 'text' })
  status!: ApprovalRequestStatus;

  @Column({ name: 'step_count', type: 'integer' })
  stepCount!: number;

  @Column({ name: 'current_step_index', type: 'integer' })
  currentStepIndex!: number;

  @Column({ name: 'current_step_activated_at', type: 'timestamptz' })
  currentStepActivatedAt!: Date;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy!: string | null;

  @Column({ name: 'close_comment', type: 'text', nullable: true })
  closeComment!: string | null;

  /**
   * Bumped by the repository on every change. Not a @VersionColumn: TypeORM bumps those only in save(), and the
   * repository changes requests with targeted UPDATEs (the freezing trigger refuses any write to a frozen column).
   */
  @Column({ name: 'version', type: 'integer' })
  version!: number;
}
