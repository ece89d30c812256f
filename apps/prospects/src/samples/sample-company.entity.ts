import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of `sample_company`, a company on a sample's list; only SampleRepository sees it. */
@Entity({ name: 'sample_company' })
export class SampleCompanyEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'sample_id', type: 'uuid' })
  sampleId!: string;

  @Column({ name: 'name', type: 'text' })
  name!: string;

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

  @Column({ name: 'prospect_id', type: 'uuid', nullable: true })
  prospectId!: string | null;

  @Column({ name: 'skipped_reason', type: 'text', nullable: true })
  skippedReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
