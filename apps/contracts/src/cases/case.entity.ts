import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OfferTermsSnapshot } from '@dealgate/domain';
import { Signatory } from './case.records';

// Decorator entities, as in apps/approvals (requests/request.entity.ts): every column names its database name and
// type; the migrations own the schema (defaults, checks, indexes), and tools/migrations/entities-match-schema
// .int-spec.ts holds these columns to what they build.

/** One row of `contract_case`; only CasesRepository sees it. */
@Entity({ name: 'contract_case' })
export class ContractCaseEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  /** Unique in the table: a redelivered offer.defended still opens one case. */
  @Column({ name: 'offer_id', type: 'uuid' })
  offerId!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'defence_id', type: 'uuid' })
  defenceId!: string;

  @Column({ name: 'salesperson_id', type: 'uuid' })
  salespersonId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId!: string;

  @Column({ name: 'company_name', type: 'text', nullable: true })
  companyName!: string | null;

  @Column({ name: 'baseline', type: 'jsonb' })
  baseline!: OfferTermsSnapshot;

  @Column({ name: 'terms', type: 'jsonb' })
  terms!: OfferTermsSnapshot;

  @Column({ name: 'terms_revision', type: 'integer' })
  termsRevision!: number;

  @Column({ name: 'terms_edited_by', type: 'uuid', nullable: true })
  termsEditedBy!: string | null;

  @Column({ name: 'terms_edited_at', type: 'timestamptz', nullable: true })
  termsEditedAt!: Date | null;

  @Column({ name: 'defended_at', type: 'timestamptz' })
  defendedAt!: Date;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true })
  signedAt!: Date | null;

  /** A calendar date: TypeORM hands a `date` column over as its `YYYY-MM-DD` text. */
  @Column({ name: 'signed_on', type: 'date', nullable: true })
  signedOn!: string | null;

  @Column({ name: 'signed_by', type: 'uuid', nullable: true })
  signedBy!: string | null;

  @Column({ name: 'signatories', type: 'jsonb', nullable: true })
  signatories!: Signatory[] | null;

  /** Bumped by the repository on every change (targeted UPDATEs, so not a @VersionColumn). */
  @Column({ name: 'version', type: 'integer' })
  version!: number;
}
