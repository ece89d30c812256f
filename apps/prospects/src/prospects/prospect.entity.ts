import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ProspectStatus, Stage } from '@dealgate/domain';

/** One row of `prospect`; the prospect repositories map it to the Prospect view (prospect.model.ts). */
@Entity({ name: 'prospect' })
export class ProspectEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'sample_id', type: 'uuid' })
  sampleId!: string;

  @Column({ name: 'product_line_id', type: 'uuid' })
  productLineId!: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ name: 'company_name', type: 'text' })
  companyName!: string;

  @Column({ name: 'tax_id', type: 'text', nullable: true })
  taxId!: string | null;

  @Column({ name: 'website', type: 'text', nullable: true })
  website!: string | null;

  @Column({ name: 'name_key', type: 'text', nullable: true })
  nameKey!: string | null;

  @Column({ name: 'tax_key', type: 'text', nullable: true })
  taxKey!: string | null;

  @Column({ name: 'domain_key', type: 'text', nullable: true })
  domainKey!: string | null;

  @Column({ name: 'stage', type: 'text' })
  stage!: Stage;

  @Column({ name: 'status', type: 'text' })
  status!: ProspectStatus;

  @Column({ name: 'approved_offer_id', type: 'uuid', nullable: true })
  approvedOfferId!: string | null;

  @Column({ name: 'lost_reason_code', type: 'text', nullable: true })
  lostReasonCode!: string | null;

  @Column({ name: 'lost_reason_note', type: 'text', nullable: true })
  lostReasonNote!: string | null;

  @Column({ name: 'stage_entered_at', type: 'timestamptz' })
  stageEnteredAt!: Date;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
