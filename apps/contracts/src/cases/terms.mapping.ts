import { OfferTermsSnapshot } from '@dealgate/domain';
import { OfferTermsDto } from '@dealgate/messages';
import { ContractTermsBody } from './terms.dto';

/** Copies the wire terms into the domain shape (nullable delivery fields may arrive absent). */
export function toTermsSnapshot(terms: OfferTermsDto | ContractTermsBody): OfferTermsSnapshot {
  return {
    items: terms.items.map((i) => ({
      productId: i.productId,
      description: i.description,
      quantity: i.quantity,
      unitPriceMinor: i.unitPriceMinor,
      currency: i.currency,
    })),
    paymentDays: terms.paymentDays,
    delivery: { text: terms.delivery?.text ?? null, days: terms.delivery?.days ?? null },
    discountPercent: terms.discountPercent,
    validUntil: terms.validUntil,
    clauses: [...terms.clauses],
  };
}
