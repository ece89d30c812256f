import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OfferStatus } from '@dealgate/domain';
import { OfferItem } from './offer.model';

/** One row of `offer`, one version of a prospect's offer; only OfferRepository sees it. numeric and bigint columns come
 * as text, exact; the repository turns them into numbers. */
@Entity({ name: 'offer' })
export class OfferEntity {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  id!: string;

  @Column({ name: 'prospect_id', type: 'uuid' })
  prospectId!: string;

  @Column({ name: 'number', type: 'integer' })
  number!: number;

  @Column({ name: 'previous_offer_id', type: 'uuid', nullable: true })
  previousOfferId!: string | null;

  @Column({ name: 'status', type: 'text' })
  status!: OfferStatus;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId!: string;

  @Column({ name: 'items', type: 'jsonb' })
  items!: OfferItem[];

  @Column({ name: 'payment_days', type: 'integer' })
  paymentDays!: number;

  @Column({ name: 'delivery_text', type: 'text', nullable: true })
  deliveryText!: string | null;

  @Column({ name: 'delivery_days', type: 'integer', nullable: true })
  deliveryDays!: number | null;

  @Column({ name: 'discount_percent', type: 'numeric', precision: 5, scale: 2 })
  discountPercent!: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  @Column({ name: 'clauses', type: 'jsonb' })
  clauses!: string[];

  @Column({ name: 'total_minor', type: 'bigint' })
  totalMinor!: string;

  @Column({ name: 'currency', type: 'text' })
  currency!: string;

  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ name: 'decided_by', type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'decision_comment', type: 'text', nullable: true })
  decisionComment!: string | null;

  @Column({ name: 'version', type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'contributor_ids', type: 'uuid', array: true })
  contributorIds!: string[];
}
