import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DeviationApprovalState } from './case.records';

/**
 * One row of `deviation_approval`: an approval request asked for a case's terms deviations; only
 * DeviationApprovalsRepository sees it. Why decorators: see case.entity.ts.
 */
@Entity({ name: 'deviation_approval' })
export class DeviationApprovalEntity {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' })
  requestId!: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @Column({ name: 'terms_revision', type: 'integer' })
  termsRevision!: number;

  /** At most one pending per case (a partial unique index in the table). */
  @Column({ name: 'status', type: 'text' })
  status!: DeviationApprovalState;

  @Column({ name: 'deviations', type: 'jsonb' })
  deviations!: unknown[];

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy!: string;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'comment', type: 'text', nullable: true })
  comment!: string | null;
}
