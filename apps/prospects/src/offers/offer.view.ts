import { ApiProperty } from '@nestjs/swagger';
import { DefenceChannel, DefenceOutcome, OfferStatus } from '@dealgate/domain';

export class DefenceAttendeeView {
  @ApiProperty({ format: 'uuid' })
  contactId!: string;
  isDecisionMaker!: boolean;
}

export class DefenceView {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  @ApiProperty({ format: 'uuid' })
  offerId!: string;
  @ApiProperty({ format: 'date-time' })
  heldAt!: string;
  channel!: DefenceChannel;
  attendees!: DefenceAttendeeView[];
  outcome!: DefenceOutcome;
  note!: string | null;
  @ApiProperty({ format: 'uuid' })
  recordedBy!: string;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class OfferItem {
  @ApiProperty({ format: 'uuid' })
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
export class OfferTerms {
  items!: OfferItem[];
  paymentDays!: number;
  delivery!: OfferDelivery;
  discountPercent!: number;
  /** A date, YYYY-MM-DD. */
  @ApiProperty({ format: 'date' })
  validUntil!: string;
  clauses!: string[];
}

export class OfferView extends OfferTerms {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  prospectId!: string;
  /** 1, 2, 3… per prospect: each revision is a new version with its own id. */
  number!: number;
  @ApiProperty({ format: 'uuid' })
  previousOfferId!: string | null;
  status!: OfferStatus;
  @ApiProperty({ format: 'uuid' })
  authorId!: string;
  /** Everyone who wrote this version's content (author, editors, earlier versions' authors): never its approver. */
  @ApiProperty({ type: [String], format: 'uuid' })
  contributorIds!: string[];
  /** The offer total in minor units. */
  totalMinor!: number;
  currency!: string;
  @ApiProperty({ format: 'uuid' })
  approvalRequestId!: string | null;
  @ApiProperty({ format: 'date-time' })
  submittedAt!: string | null;
  @ApiProperty({ format: 'uuid' })
  decidedBy!: string | null;
  @ApiProperty({ format: 'date-time' })
  decidedAt!: string | null;
  decisionComment!: string | null;
  /** Optimistic concurrency: send it back with a change; a stale one answers 409 `version_conflict`. */
  version!: number;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
