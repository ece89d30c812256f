// What a request's frozen snapshot holds, by subject kind (written by the service that asked: prospects for samples
// and offers, contracts for deviations). The API types it as an open object; these are the shapes the console reads.
import type { TermsLike } from './terms-diff';

export interface SampleSnapshot {
  title: string;
  rationale: string;
  productLineId: string;
  authorId: string;
  companies: { id: string; name: string; taxId: string | null; website: string | null }[];
}

export interface OfferSnapshot {
  prospectId: string;
  companyName: string;
  offerNumber: number;
  authorId: string;
  currency: string;
  totalMinor: number;
  terms: TermsLike;
  needsAddressed: { productId: string; needs: string[] }[];
}

export interface DeviationSnapshot {
  caseId: string;
  prospectId: string;
  offerId: string;
  termsRevision: number;
  deviations: { field: string }[];
  summary: string[];
}

// The snapshot is the server's JSON; the console trusts its shape per kind (the services' contract tests hold it).
export const sampleSnapshot = (s: Record<string, unknown>) => s as unknown as SampleSnapshot;
export const offerSnapshot = (s: Record<string, unknown>) => s as unknown as OfferSnapshot;
export const deviationSnapshot = (s: Record<string, unknown>) => s as unknown as DeviationSnapshot;
