// The terms of an offer or a contract side by side, field by field: the approved baseline (or the earlier version)
// against what is proposed now. Display only: which deviations need approval is the server's call (it sends them).

export interface TermsItemLike {
  productId: string;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
}

export interface TermsLike {
  items: TermsItemLike[];
  paymentDays: number;
  delivery: { text?: string | null; days?: number | null };
  discountPercent: number;
  validUntil: string;
  clauses: string[];
}

export type TermValue =
  | { kind: 'money'; minor: number; currency: string }
  | { kind: 'number'; value: number }
  | { kind: 'percent'; value: number }
  | { kind: 'days'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: string }
  | { kind: 'item'; item: TermsItemLike }
  | { kind: 'clause'; value: string };

export type TermField =
  | 'item'
  | 'item_price'
  | 'item_quantity'
  | 'item_description'
  | 'payment_days'
  | 'delivery_text'
  | 'delivery_days'
  | 'discount_percent'
  | 'valid_until'
  | 'clause';

export interface TermRow {
  /** Stable across renders: the field and what it is about. */
  id: string;
  field: TermField;
  /** The product (item rows) or the clause (clause rows) the row is about. */
  subject: string | null;
  before: TermValue | null;
  after: TermValue | null;
  changed: boolean;
}

const same = (a: TermValue | null, b: TermValue | null): boolean => JSON.stringify(a) === JSON.stringify(b);
const blank = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

function row(field: TermField, subject: string | null, before: TermValue | null, after: TermValue | null): TermRow {
  return { id: `${field}:${subject ?? ''}`, field, subject, before, after, changed: !same(before, after) };
}

function itemRows(before: TermsItemLike | undefined, after: TermsItemLike | undefined, productId: string): TermRow[] {
  if (!before || !after) {
    return [
      row(
        'item',
        productId,
        before ? { kind: 'item', item: before } : null,
        after ? { kind: 'item', item: after } : null,
      ),
    ];
  }
  const money = (i: TermsItemLike): TermValue => ({ kind: 'money', minor: i.unitPriceMinor, currency: i.currency });
  return [
    row('item_price', productId, money(before), money(after)),
    row(
      'item_quantity',
      productId,
      { kind: 'number', value: before.quantity },
      { kind: 'number', value: after.quantity },
    ),
    row(
      'item_description',
      productId,
      { kind: 'text', value: before.description.trim() },
      { kind: 'text', value: after.description.trim() },
    ),
  ];
}

const text = (value: string | null): TermValue | null => (value === null ? null : { kind: 'text', value });
const days = (value: number | null | undefined): TermValue | null =>
  value === null || value === undefined ? null : { kind: 'days', value };

/**
 * Every term of `before` and `after` as rows, unchanged ones too (the reviewer sees the whole deal): items by product
 * (in the baseline's order, then added ones), payment days, delivery, discount, validity, then every clause.
 */
export function termsRows(before: TermsLike, after: TermsLike): TermRow[] {
  const rows: TermRow[] = [];
  const productIds = [...new Set([...before.items, ...after.items].map((i) => i.productId))];
  for (const productId of productIds) {
    rows.push(
      ...itemRows(
        before.items.find((i) => i.productId === productId),
        after.items.find((i) => i.productId === productId),
        productId,
      ),
    );
  }
  rows.push(
    row('payment_days', null, { kind: 'days', value: before.paymentDays }, { kind: 'days', value: after.paymentDays }),
    row('delivery_text', null, text(blank(before.delivery.text)), text(blank(after.delivery.text))),
    row('delivery_days', null, days(before.delivery.days), days(after.delivery.days)),
    row(
      'discount_percent',
      null,
      { kind: 'percent', value: before.discountPercent },
      { kind: 'percent', value: after.discountPercent },
    ),
    row('valid_until', null, { kind: 'date', value: before.validUntil }, { kind: 'date', value: after.validUntil }),
  );
  for (const clause of [...new Set([...before.clauses, ...after.clauses])]) {
    rows.push(
      row(
        'clause',
        clause,
        before.clauses.includes(clause) ? { kind: 'clause', value: clause } : null,
        after.clauses.includes(clause) ? { kind: 'clause', value: clause } : null,
      ),
    );
  }
  return rows;
}

/** The rows that differ: what a reviewer of a revision or a deviation judges. */
export const changedRows = (rows: TermRow[]): TermRow[] => rows.filter((r) => r.changed);
