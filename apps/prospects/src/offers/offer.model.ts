import { OfferItem, OfferTerms, OfferView } from './offer.view';
export { OfferItem, OfferTerms, OfferView };
