import { OfferStatus } from '@dealgate/domain';
import { OfferTermsDto } from '@dealgate/messages';

export interface OfferItem {
  id: string;
  productId: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  /** Needs of the brief this item answers. */
  needIds: string[];
}

/** The commercial content of an offer version: what is approved and, once defended, the contract baseline. */
export interface OfferTerms {
  items: OfferItem[];
  paymentDays: number;
  delivery: { text: string | null; days: number | null };
  discountPercent: number;
  validUntil: string;
  clauses: string[];
}

export interface OfferView extends OfferTerms {
  id: string;
  prospectId: string;
  /** 1, 2, 3… per prospect: each revision is a new version with its own id. */
  number: number;
  previousOfferId: string | null;
  status: OfferStatus;
  authorId: string;
  /** Everyone who wrote this version's content (author, editors, earlier versions' authors): never its approver. */
  contributorIds: string[];
  totalMinor: number;
  currency: string;
  approvalRequestId: string | null;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The wire shape of the terms (`offer.defended`, approval snapshots): items without the need links. */
export function toTermsDto(o: OfferTerms): OfferTermsDto {
  return {
    items: o.items.map((i) => ({
      productId: i.productId,
      description: i.description,
      quantity: i.quantity,
      unitPriceMinor: i.unitPriceMinor,
      currency: i.currency,
    })),
    paymentDays: o.paymentDays,
    delivery: { text: o.delivery.text, days: o.delivery.days },
    discountPercent: o.discountPercent,
    validUntil: o.validUntil,
    clauses: [...o.clauses],
  };
}
