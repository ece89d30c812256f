import { ApiProperty } from '@nestjs/swagger';
import { ApprovalPolicy, ApprovalSubjectKind } from '@dealgate/domain';
import { PolicyStepDto } from './policy.dto';

/** An approval policy: the steps a subject of its kind goes through (same shape as the replace body). */
export class ApprovalPolicyView {
  subjectKind!: ApprovalSubjectKind;
  steps!: PolicyStepDto[];
}

export class StoredPolicy {
  @ApiProperty({ type: ApprovalPolicyView })
  policy!: ApprovalPolicy;
  /** Optimistic concurrency: send it back with a replacement; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  updatedBy!: string | null;
}
