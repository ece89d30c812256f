import { OfferTermsSnapshot, termsSnapshotOf } from '@dealgate/domain';
import { OfferTermsDto } from '@dealgate/messages';
import { ContractTermsBody } from './terms.dto';

/** Copies the wire terms into the domain shape (nullable delivery fields may arrive absent). */
export function toTermsSnapshot(terms: OfferTermsDto | ContractTermsBody): OfferTermsSnapshot {
  return termsSnapshotOf(terms);
}
