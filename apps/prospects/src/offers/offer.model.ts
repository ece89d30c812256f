import { OfferTermsDto } from '@dealgate/messages';
import { OfferItem, OfferTerms, OfferView } from './offer.view';
export { OfferItem, OfferTerms, OfferView };

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
