import { assertNever } from '../domain-error';
import type { OfferTermsSnapshot, TermsItem } from './terms';

/** What changed. Values are sent on the wire: never rename. */
export enum TermsField {
  ItemRemoved = 'item_removed',
  ItemAdded = 'item_added',
  ItemPrice = 'item_price',
  ItemQuantity = 'item_quantity',
  ItemDescription = 'item_description',
  PaymentDays = 'payment_days',
  DeliveryText = 'delivery_text',
  DeliveryDays = 'delivery_days',
  DiscountPercent = 'discount_percent',
  ValidUntil = 'valid_until',
  ClauseRemoved = 'clause_removed',
  ClauseAdded = 'clause_added',
}

export interface Money {
  amountMinor: number;
  currency: string;
}

/** One deviation of the current terms from the baseline, with its value before (baseline) and after (current). */
export type TermsDeviation =
  | { field: TermsField.ItemRemoved; productId: string; before: TermsItem; after: null }
  | { field: TermsField.ItemAdded; productId: string; before: null; after: TermsItem }
  | { field: TermsField.ItemPrice; productId: string; before: Money; after: Money }
  | { field: TermsField.ItemQuantity; productId: string; before: number; after: number }
  | { field: TermsField.ItemDescription; productId: string; before: string; after: string }
  | { field: TermsField.PaymentDays; before: number; after: number }
  | { field: TermsField.DeliveryText; before: string | null; after: string | null }
  | { field: TermsField.DeliveryDays; before: number | null; after: number | null }
  | { field: TermsField.DiscountPercent; before: number; after: number }
  | { field: TermsField.ValidUntil; before: string; after: string }
  | { field: TermsField.ClauseRemoved; clause: string; before: string; after: null }
  | { field: TermsField.ClauseAdded; clause: string; before: null; after: string };

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// Blank and whitespace-only delivery text mean "no text"; surrounding spaces are not a change of terms.
const normText = (text: string | null): string | null => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function diffItem(before: TermsItem, after: TermsItem): TermsDeviation[] {
  const out: TermsDeviation[] = [];
  const productId = before.productId;
  if (before.unitPriceMinor !== after.unitPriceMinor || before.currency !== after.currency) {
    out.push({
      field: TermsField.ItemPrice,
      productId,
      before: { amountMinor: before.unitPriceMinor, currency: before.currency },
      after: { amountMinor: after.unitPriceMinor, currency: after.currency },
    });
  }
  if (before.quantity !== after.quantity) {
    out.push({ field: TermsField.ItemQuantity, productId, before: before.quantity, after: after.quantity });
  }
  if (before.description.trim() !== after.description.trim()) {
    out.push({ field: TermsField.ItemDescription, productId, before: before.description, after: after.description });
  }
  return out;
}

/**
 * Every deviation of `current` from `baseline`; empty when they are equal. Items are matched by product id and
 * clauses compared as a set, so reordering is not a deviation. Order is deterministic: items by product id (per
 * item: removed/added, price, quantity, description), then payment days, delivery text, delivery days, discount,
 * validity, then removed and added clauses, each sorted.
 */
export function diffTerms(baseline: OfferTermsSnapshot, current: OfferTermsSnapshot): TermsDeviation[] {
  const out: TermsDeviation[] = [];
  const before = new Map(baseline.items.map((item) => [item.productId, item]));
  const after = new Map(current.items.map((item) => [item.productId, item]));
  const productIds = [...new Set([...before.keys(), ...after.keys()])].sort(byString);
  for (const productId of productIds) {
    const b = before.get(productId);
    const a = after.get(productId);
    if (b && a) out.push(...diffItem(b, a));
    else if (b) out.push({ field: TermsField.ItemRemoved, productId, before: b, after: null });
    else if (a) out.push({ field: TermsField.ItemAdded, productId, before: null, after: a });
  }
  if (baseline.paymentDays !== current.paymentDays) {
    out.push({ field: TermsField.PaymentDays, before: baseline.paymentDays, after: current.paymentDays });
  }
  const textBefore = normText(baseline.delivery.text);
  const textAfter = normText(current.delivery.text);
  if (textBefore !== textAfter) out.push({ field: TermsField.DeliveryText, before: textBefore, after: textAfter });
  if (baseline.delivery.days !== current.delivery.days) {
    out.push({ field: TermsField.DeliveryDays, before: baseline.delivery.days, after: current.delivery.days });
  }
  if (baseline.discountPercent !== current.discountPercent) {
    out.push({ field: TermsField.DiscountPercent, before: baseline.discountPercent, after: current.discountPercent });
  }
  if (baseline.validUntil !== current.validUntil) {
    out.push({ field: TermsField.ValidUntil, before: baseline.validUntil, after: current.validUntil });
  }
  const clausesBefore = new Set(baseline.clauses);
  const clausesAfter = new Set(current.clauses);
  for (const clause of [...clausesBefore].filter((c) => !clausesAfter.has(c)).sort(byString)) {
    out.push({ field: TermsField.ClauseRemoved, clause, before: clause, after: null });
  }
  for (const clause of [...clausesAfter].filter((c) => !clausesBefore.has(c)).sort(byString)) {
    out.push({ field: TermsField.ClauseAdded, clause, before: null, after: clause });
  }
  return out;
}

// Display only: assumes two minor digits (wrong for e.g. JPY); user-facing money formatting belongs to the apps.
const money = (m: Money): string => `${(m.amountMinor / 100).toFixed(2)} ${m.currency}`;
const orNone = (v: string | number | null): string => (v === null ? 'none' : String(v));

/** A sentence for people reviewing the drift (approval requests, the case page). */
export function describeDeviation(d: TermsDeviation): string {
  switch (d.field) {
    case TermsField.ItemRemoved:
      return `Item ${d.productId} was removed.`;
    case TermsField.ItemAdded:
      return `Item ${d.productId} was added (${d.after.quantity} × ${money({ amountMinor: d.after.unitPriceMinor, currency: d.after.currency })}).`;
    case TermsField.ItemPrice:
      return `Unit price of ${d.productId} changed from ${money(d.before)} to ${money(d.after)}.`;
    case TermsField.ItemQuantity:
      return `Quantity of ${d.productId} changed from ${d.before} to ${d.after}.`;
    case TermsField.ItemDescription:
      return `Description of ${d.productId} changed.`;
    case TermsField.PaymentDays:
      return `Payment days changed from ${d.before} to ${d.after}.`;
    case TermsField.DeliveryText:
      return `Delivery terms changed from "${orNone(d.before)}" to "${orNone(d.after)}".`;
    case TermsField.DeliveryDays:
      return `Delivery days changed from ${orNone(d.before)} to ${orNone(d.after)}.`;
    case TermsField.DiscountPercent:
      return `Discount changed from ${d.before} % to ${d.after} %.`;
    case TermsField.ValidUntil:
      return `Validity changed from ${d.before} to ${d.after}.`;
    case TermsField.ClauseRemoved:
      return `Clause ${d.clause} was removed.`;
    case TermsField.ClauseAdded:
      return `Clause ${d.clause} was added.`;
    default:
      return assertNever(d, 'terms deviation');
  }
}
