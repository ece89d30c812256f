import { ContractErrorCode, contractError } from './contract-error';

/** One line of the approved offer. Prices are in minor units (cents) so that comparisons are exact. */
export interface TermsItem {
  productId: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
}

/** Free text, a number of days, or both; at least one is set. */
export interface DeliveryTerms {
  text: string | null;
  days: number | null;
}

/**
 * The terms of the approved offer, frozen when the contract case opens: the baseline the contract must not drift
 * from. The contract's current terms share this shape.
 */
export interface OfferTermsSnapshot {
  items: readonly TermsItem[];
  paymentDays: number;
  delivery: DeliveryTerms;
  discountPercent: number;
  /** Calendar date `YYYY-MM-DD` (no time zone: validity is a day). */
  validUntil: string;
  /** Clause ids or texts; their order carries no meaning. */
  clauses: readonly string[];
}

export type ContractTerms = OfferTermsSnapshot;

/**
 * Terms as they arrive from a person or another service (a request body, a job payload, an offer version): the
 * delivery fields and the clauses may be left out, and an item may carry more (an offer item's need links). Every
 * class that carries terms (DTOs, views) implements this or `OfferTermsSnapshot`, so the shape is written here once.
 */
export interface TermsInput {
  items: readonly TermsItem[];
  paymentDays: number;
  delivery?: { text?: string | null; days?: number | null } | null;
  discountPercent: number;
  validUntil: string;
  clauses?: readonly string[];
}

/** A copy of the terms alone, in the snapshot's shape (arrays fresh, so a caller may hand it on as a DTO). */
export interface TermsCopy extends OfferTermsSnapshot {
  items: TermsItem[];
  clauses: string[];
}

/** The terms out of anything that carries them: extra fields stay behind, absent delivery fields and clauses are empty. */
export function termsSnapshotOf(terms: TermsInput): TermsCopy {
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
    clauses: [...(terms.clauses ?? [])],
  };
}

const CURRENCY = /^[A-Z]{3}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // Round-trip through Date to refuse impossible days such as 2025-02-30.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const isNonNegativeInteger = (n: number): boolean => Number.isInteger(n) && n >= 0;

/** Every problem of a terms document, in field order; empty when the terms are valid. */
export function termsProblems(terms: OfferTermsSnapshot): string[] {
  const problems: string[] = [];
  if (terms.items.length === 0) problems.push('The terms have no item.');
  const seen = new Set<string>();
  for (const item of terms.items) {
    const name = item.productId.trim() === '' ? '(no product)' : item.productId;
    if (item.productId.trim() === '') problems.push('An item has no product.');
    else if (seen.has(item.productId)) problems.push(`Product ${name} appears twice.`);
    seen.add(item.productId);
    if (!(Number.isFinite(item.quantity) && item.quantity > 0)) {
      problems.push(`The quantity of ${name} must be greater than zero.`);
    }
    if (!isNonNegativeInteger(item.unitPriceMinor)) {
      problems.push(`The unit price of ${name} must be a whole, non-negative amount of cents.`);
    }
    if (!CURRENCY.test(item.currency)) problems.push(`The currency of ${name} must be a three-letter code.`);
  }
  if (!isNonNegativeInteger(terms.paymentDays)) problems.push('Payment days must be a whole number, zero or more.');
  const { text, days } = terms.delivery;
  if ((text === null || text.trim() === '') && days === null) problems.push('Delivery terms are missing.');
  if (days !== null && !isNonNegativeInteger(days))
    problems.push('Delivery days must be a whole number, zero or more.');
  if (!(Number.isFinite(terms.discountPercent) && terms.discountPercent >= 0 && terms.discountPercent <= 100)) {
    problems.push('The discount must be between 0 and 100 percent.');
  }
  if (!isIsoDate(terms.validUntil)) problems.push('The validity date must be a calendar date (YYYY-MM-DD).');
  const clauses = new Set<string>();
  for (const clause of terms.clauses) {
    if (clause.trim() === '') problems.push('A clause is empty.');
    else if (clauses.has(clause)) problems.push(`Clause ${clause} appears twice.`);
    clauses.add(clause);
  }
  return problems;
}

/** Throws `contract.invalid_terms` listing every problem; used before storing edited terms. */
export function assertValidTerms(terms: OfferTermsSnapshot): void {
  const problems = termsProblems(terms);
  if (problems.length > 0) {
    throw contractError(ContractErrorCode.InvalidTerms, `The contract terms are not valid: ${problems.join(' ')}`, {
      problems,
    });
  }
}
