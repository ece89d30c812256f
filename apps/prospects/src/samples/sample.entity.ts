import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SampleStatus } from './sample.view';

/** One row of `target_sample`; only SampleRepository sees it. */
@Entity({ name: 'target_sample' })
export class TargetSampleEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'title', type: 'text' })
  title!: string;

  @Column({ name: 'rationale', type: 'text' })
  rationale!: string;

  @Column({ name: 'status', type: 'text' })
  status!: SampleStatus;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId!: string | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'contributor_ids', type: 'uuid', array: true })
  contributorIds!: string[];
}
