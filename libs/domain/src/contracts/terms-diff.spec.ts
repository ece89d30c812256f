import type { OfferTermsSnapshot, TermsItem } from './terms';
import { TermsField, describeDeviation, diffTerms, type TermsDeviation } from './terms-diff';

const a: TermsItem = { productId: 'a', description: 'Licence', quantity: 10, unitPriceMinor: 10_000, currency: 'EUR' };
const b: TermsItem = { productId: 'b', description: 'Support', quantity: 1, unitPriceMinor: 50_000, currency: 'EUR' };
const c: TermsItem = { productId: 'c', description: 'Training', quantity: 2, unitPriceMinor: 80_000, currency: 'EUR' };

const baseline: OfferTermsSnapshot = {
  items: [a, b],
  paymentDays: 30,
  delivery: { text: 'DAP Berlin', days: 14 },
  discountPercent: 5,
  validUntil: '2025-12-31',
  clauses: ['confidentiality', 'warranty-12m'],
};
const edit = (over: Partial<OfferTermsSnapshot>): OfferTermsSnapshot => ({ ...baseline, ...over });

describe('diffTerms', () => {
  it.each<[string, OfferTermsSnapshot, TermsDeviation[]]>([
    ['no change', edit({}), []],
    ['items and clauses reordered', edit({ items: [b, a], clauses: ['warranty-12m', 'confidentiality'] }), []],
    ['delivery text only re-spaced', edit({ delivery: { text: ' DAP Berlin ', days: 14 } }), []],
    [
      'unit price',
      edit({ items: [{ ...a, unitPriceMinor: 9_000 }, b] }),
      [
        {
          field: TermsField.ItemPrice,
          productId: 'a',
          before: { amountMinor: 10_000, currency: 'EUR' },
          after: { amountMinor: 9_000, currency: 'EUR' },
        },
      ],
    ],
    [
      'currency',
      edit({ items: [a, { ...b, currency: 'USD' }] }),
      [
        {
          field: TermsField.ItemPrice,
          productId: 'b',
          before: { amountMinor: 50_000, currency: 'EUR' },
          after: { amountMinor: 50_000, currency: 'USD' },
        },
      ],
    ],
    [
      'quantity',
      edit({ items: [{ ...a, quantity: 12 }, b] }),
      [{ field: TermsField.ItemQuantity, productId: 'a', before: 10, after: 12 }],
    ],
    [
      'description',
      edit({ items: [{ ...a, description: 'Licence (perpetual)' }, b] }),
      [{ field: TermsField.ItemDescription, productId: 'a', before: 'Licence', after: 'Licence (perpetual)' }],
    ],
    ['item removed', edit({ items: [a] }), [{ field: TermsField.ItemRemoved, productId: 'b', before: b, after: null }]],
    [
      'item added',
      edit({ items: [a, b, c] }),
      [{ field: TermsField.ItemAdded, productId: 'c', before: null, after: c }],
    ],
    ['payment days', edit({ paymentDays: 60 }), [{ field: TermsField.PaymentDays, before: 30, after: 60 }]],
    [
      'delivery text',
      edit({ delivery: { text: null, days: 14 } }),
      [{ field: TermsField.DeliveryText, before: 'DAP Berlin', after: null }],
    ],
    [
      'delivery days',
      edit({ delivery: { text: 'DAP Berlin', days: 21 } }),
      [{ field: TermsField.DeliveryDays, before: 14, after: 21 }],
    ],
    ['discount', edit({ discountPercent: 7.5 }), [{ field: TermsField.DiscountPercent, before: 5, after: 7.5 }]],
    [
      'validity',
      edit({ validUntil: '2026-01-31' }),
      [{ field: TermsField.ValidUntil, before: '2025-12-31', after: '2026-01-31' }],
    ],
    [
      'clause removed',
      edit({ clauses: ['warranty-12m'] }),
      [{ field: TermsField.ClauseRemoved, clause: 'confidentiality', before: 'confidentiality', after: null }],
    ],
    [
      'clause added',
      edit({ clauses: ['penalty-0.1pct', ...baseline.clauses] }),
      [{ field: TermsField.ClauseAdded, clause: 'penalty-0.1pct', before: null, after: 'penalty-0.1pct' }],
    ],
  ])('%s', (_name, current, expected) => {
    expect(diffTerms(baseline, current)).toEqual(expected);
  });

  it('lists every deviation in a deterministic order', () => {
    const current = edit({
      items: [c, { ...a, quantity: 11, unitPriceMinor: 9_500 }],
      paymentDays: 45,
      delivery: { text: 'EXW Lyon', days: 30 },
      discountPercent: 10,
      validUntil: '2026-03-31',
      clauses: ['z-penalty', 'a-escrow', 'confidentiality'],
    });
    const fields = (d: TermsDeviation[]): string[] =>
      d.map((x) => `${x.field}:${'productId' in x ? x.productId : 'clause' in x ? x.clause : ''}`);
    const expected = [
      'item_price:a',
      'item_quantity:a',
      'item_removed:b',
      'item_added:c',
      'payment_days:',
      'delivery_text:',
      'delivery_days:',
      'discount_percent:',
      'valid_until:',
      'clause_removed:warranty-12m',
      'clause_added:a-escrow',
      'clause_added:z-penalty',
    ];
    expect(fields(diffTerms(baseline, current))).toEqual(expected);
    // Same terms in another input order: same diff.
    const shuffled = { ...current, items: [...current.items].reverse(), clauses: [...current.clauses].reverse() };
    expect(diffTerms(baseline, shuffled)).toEqual(diffTerms(baseline, current));
  });

  it('describes each deviation in a sentence', () => {
    const current = edit({ items: [{ ...a, unitPriceMinor: 9_000 }, c], paymentDays: 60, clauses: [] });
    expect(diffTerms(baseline, current).map(describeDeviation)).toEqual([
      'Unit price of a changed from 100.00 EUR to 90.00 EUR.',
      'Item b was removed.',
      'Item c was added (2 × 800.00 EUR).',
      'Payment days changed from 30 to 60.',
      'Clause confidentiality was removed.',
      'Clause warranty-12m was removed.',
    ]);
  });
});
