import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ApprovalPolicyStep, ApprovalSubjectKind } from '@dealgate/domain';

/** One row of `approval_policy`: the policy of one subject kind. Why decorators: see requests/request.entity.ts. */
@Entity({ name: 'approval_policy' })
export class ApprovalPolicyEntity {
  @PrimaryColumn({ name: 'subject_kind', type: 'text' })
  subjectKind!: ApprovalSubjectKind;

  @Column({ name: 'steps', type: 'jsonb' })
  steps!: ApprovalPolicyStep[];

  /** Optimistic edits: a replace names the version it read (see PolicyRepository.replace). */
  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
