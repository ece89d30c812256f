import { termsSnapshotOf } from '@dealgate/domain';
import { OfferTermsDto } from '@dealgate/messages';
import { OfferItem, OfferTerms, OfferView } from './offer.view';
export { OfferItem, OfferTerms, OfferView };

/** The wire shape of the terms (`offer.defended`, approval snapshots): items without the need links. */
export function toTermsDto(o: OfferTerms): OfferTermsDto {
  return termsSnapshotOf(o);
}
