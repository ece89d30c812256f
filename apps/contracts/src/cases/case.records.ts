import { OfferTermsSnapshot } from '@dealgate/domain';

export interface Signatory {
  name: string;
  party: 'customer' | 'company';
  position: string | null;
}

/** A contract case as stored. */
export interface ContractCaseRecord {
  id: string;
  offerId: string;
  prospectId: string;
  defenceId: string;
  salespersonId: string;
  unitId: string;
  productLineId: string;
  companyName: string | null;
  baseline: OfferTermsSnapshot;
  terms: OfferTermsSnapshot;
  termsRevision: number;
  termsEditedBy: string | null;
  termsEditedAt: Date | null;
  defendedAt: Date;
  openedAt: Date;
  signedAt: Date | null;
  signedOn: string | null;
  signedBy: string | null;
  signatories: Signatory[] | null;
  version: number;
}

export type NewContractCase = Omit<
  ContractCaseRecord,
  'termsRevision' | 'termsEditedBy' | 'termsEditedAt' | 'signedAt' | 'signedOn' | 'signedBy' | 'signatories' | 'version'
>;

export type DeviationApprovalState = 'pending' | 'approved' | 'rejected' | 'voided';

export interface DeviationApprovalRecord {
  requestId: string;
  caseId: string;
  termsRevision: number;
  status: DeviationApprovalState;
  deviations: unknown[];
  requestedBy: string;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  comment: string | null;
}
