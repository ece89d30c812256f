import { describe, expect, it } from 'vitest';
import { periodToRange, delegationState } from './delegation-period';
import { TermsLike, changedRows, termsRows } from './terms-diff';

const baseline: TermsLike = {
  items: [
    { productId: 'portal', description: 'Ordering portal', quantity: 1, unitPriceMinor: 4_500_000, currency: 'EUR' },
  ],
  paymentDays: 30,
  delivery: { text: 'Go-live in six weeks', days: 42 },
  discountPercent: 5,
  validUntil: '2027-03-31',
  clauses: ['sla-99.5'],
};

describe('the terms side by side', () => {
  it('lists every term, none changed, for equal terms', () => {
    const rows = termsRows(baseline, structuredClone(baseline));
    expect(rows.map((r) => r.id)).toEqual([
      'item_price:portal',
      'item_quantity:portal',
      'item_description:portal',
      'payment_days:',
      'delivery_text:',
      'delivery_days:',
      'discount_percent:',
      'valid_until:',
      'clause:sla-99.5',
    ]);
    expect(changedRows(rows)).toEqual([]);
  });

  it('marks each changed field with its value before and after', () => {
    const proposed: TermsLike = {
      ...baseline,
      items: [{ ...baseline.items[0], unitPriceMinor: 4_000_000 }],
      paymentDays: 60,
      delivery: { text: 'Go-live in ten weeks', days: 70 },
      discountPercent: 10,
      validUntil: '2027-06-30',
      clauses: ['sla-99.5', 'liability-cap-1x'],
    };
    const changed = changedRows(termsRows(baseline, proposed));
    expect(changed.map((r) => [r.id, r.before, r.after])).toEqual([
      [
        'item_price:portal',
        { kind: 'money', minor: 4_500_000, currency: 'EUR' },
        { kind: 'money', minor: 4_000_000, currency: 'EUR' },
      ],
      ['payment_days:', { kind: 'days', value: 30 }, { kind: 'days', value: 60 }],
      [
        'delivery_text:',
        { kind: 'text', value: 'Go-live in six weeks' },
        { kind: 'text', value: 'Go-live in ten weeks' },
      ],
      ['delivery_days:', { kind: 'days', value: 42 }, { kind: 'days', value: 70 }],
      ['discount_percent:', { kind: 'percent', value: 5 }, { kind: 'percent', value: 10 }],
      ['valid_until:', { kind: 'date', value: '2027-03-31' }, { kind: 'date', value: '2027-06-30' }],
      ['clause:liability-cap-1x', null, { kind: 'clause', value: 'liability-cap-1x' }],
    ]);
  });

  it('shows a removed and an added item whole, and a removed clause', () => {
    const support = {
      productId: 'support',
      description: 'Support',
      quantity: 12,
      unitPriceMinor: 50_000,
      currency: 'EUR',
    };
    const changed = changedRows(termsRows(baseline, { ...baseline, items: [support], clauses: [] }));
    expect(changed.map((r) => [r.id, r.before?.kind ?? null, r.after?.kind ?? null])).toEqual([
      ['item:portal', 'item', null],
      ['item:support', null, 'item'],
      ['clause:sla-99.5', 'clause', null],
    ]);
  });

  it('takes blank delivery text and surrounding spaces as no change', () => {
    const before = { ...baseline, delivery: { text: '  ', days: null } };
    const after = {
      ...baseline,
      delivery: { text: null, days: null },
      items: [{ ...baseline.items[0], description: ' Ordering portal ' }],
    };
    expect(changedRows(termsRows(before, after))).toEqual([]);
  });
});

describe('a delegation period', () => {
  it('runs from the first day’s start to the end of the last day (the API’s end is exclusive)', () => {
    const range = periodToRange('2026-12-02', '2026-12-04');
    expect(range).not.toBeNull();
    expect(new Date(range!.endsAt).getTime() - new Date(range!.startsAt).getTime()).toBe(3 * 86_400_000);
    expect(periodToRange('2026-12-02', null)).toBeNull();
  });

  it('is upcoming, running, over or ended', () => {
    const d = { startsAt: '2026-12-02T00:00:00Z', endsAt: '2026-12-05T00:00:00Z', revokedAt: null };
    expect(delegationState(d, new Date('2026-12-01T12:00:00Z'))).toBe('upcoming');
    expect(delegationState(d, new Date('2026-12-02T00:00:00Z'))).toBe('running');
    expect(delegationState(d, new Date('2026-12-05T00:00:00Z'))).toBe('over');
    expect(delegationState({ ...d, revokedAt: '2026-12-03T00:00:00Z' }, new Date('2026-12-03T01:00:00Z'))).toBe(
      'ended',
    );
  });
});
