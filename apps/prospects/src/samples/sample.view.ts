import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CompanyRowProblem } from '@dealgate/domain';

export type SampleStatus = 'draft' | 'pending_approval' | 'approved';

export class SampleView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  productLineId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  unitId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  authorId!: string;
  /** Everyone who wrote the sample (author, editors): never its approver. */
  @ApiProperty({ type: [String], format: 'uuid' })
  contributorIds!: string[];
  title!: string;
  rationale!: string;
  status!: SampleStatus;
  @ApiProperty({ type: String, format: 'uuid' })
  approvalRequestId!: string | null;
  decisionComment!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt!: string | null;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  companyCount!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

/** The normalised keys a company is matched by against duplicates. */
export class CompanyKeysView {
  name!: string | null;
  taxId!: string | null;
  domain!: string | null;
}

export class SampleCompanyView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  name!: string;
  taxId!: string | null;
  website!: string | null;
  keys!: CompanyKeysView;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string | null;
  skippedReason!: string | null;
}

export class SampleDetailView extends SampleView {
  companies!: SampleCompanyView[];
}

export class AcceptedCompanyView {
  name!: string;
  taxId!: string | null;
  website!: string | null;
  keys!: CompanyKeysView;
}

export class CompanyDuplicateView {
  @ApiProperty({ enum: ['tax_id', 'domain', 'name'] })
  matchedBy!: string;
  /** Id of the existing company (or prospect) it duplicates. */
  existingId!: string;
}

export class CompanyRowRejectionView {
  code!: CompanyRowProblem;
  message!: string;
  duplicate?: CompanyDuplicateView;
}

/** One uploaded row: `company` when accepted, `reasons` when rejected. */
export class CompanyRowResultView {
  /** The row's number in the upload. */
  row!: number;
  @ApiProperty({ enum: ['accepted', 'rejected'] })
  status!: 'accepted' | 'rejected';
  @ApiPropertyOptional({ type: AcceptedCompanyView })
  company?: AcceptedCompanyView;
  @ApiPropertyOptional({ type: [CompanyRowRejectionView] })
  reasons?: CompanyRowRejectionView[];
}

export class CompanyUploadReport {
  accepted!: number;
  rejected!: number;
  rows!: CompanyRowResultView[];
  sample!: SampleView;
}
