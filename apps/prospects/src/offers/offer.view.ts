import { ApiProperty } from '@nestjs/swagger';
import { DefenceChannel, DefenceOutcome, OfferStatus, OfferTermsSnapshot } from '@dealgate/domain';

export class DefenceAttendeeView {
  @ApiProperty({ type: String, format: 'uuid' })
  contactId!: string;
  isDecisionMaker!: boolean;
}

export class DefenceView {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  offerId!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  heldAt!: string;
  channel!: DefenceChannel;
  attendees!: DefenceAttendeeView[];
  outcome!: DefenceOutcome;
  note!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  recordedBy!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class OfferItem {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  /** The seller's product code (free text). */
  productId!: string;
  description!: string;
  quantity!: number;
  /** Price per unit in minor units (cents). */
  unitPriceMinor!: number;
  currency!: string;
  /** Needs of the brief this item answers. */
  @ApiProperty({ type: [String], format: 'uuid' })
  needIds!: string[];
}

export class OfferDelivery {
  text!: string | null;
  days!: number | null;
}

/** The commercial content of an offer version: what is approved and, once defended, the contract baseline. */
export class OfferTerms implements OfferTermsSnapshot {
  items!: OfferItem[];
  paymentDays!: number;
  delivery!: OfferDelivery;
  discountPercent!: number;
  /** A date, YYYY-MM-DD. */
  @ApiProperty({ type: String, format: 'date' })
  validUntil!: string;
  clauses!: string[];
}

export class OfferView extends OfferTerms {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  prospectId!: string;
  /** 1, 2, 3… per prospect: each revision is a new version with its own id. */
  number!: number;
  @ApiProperty({ type: String, format: 'uuid' })
  previousOfferId!: string | null;
  status!: OfferStatus;
  @ApiProperty({ type: String, format: 'uuid' })
  authorId!: string;
  /** Everyone who wrote this version's content (author, editors, earlier versions' authors): never its approver. */
  @ApiProperty({ type: [String], format: 'uuid' })
  contributorIds!: string[];
  /** The offer total in minor units. */
  totalMinor!: number;
  currency!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  approvalRequestId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid' })
  decidedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt!: string | null;
  decisionComment!: string | null;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}
