import { describe, expect, it } from 'vitest';
import type { Terms } from './queries';
import { blankItem, draftProblems, slugOf, toSendable } from './terms-draft';

const portal = {
  productId: 'portal',
  description: 'Ordering portal',
  quantity: 1,
  unitPriceMinor: 100,
  currency: 'EUR',
};
const terms = (over: Partial<Terms> = {}): Terms => ({
  items: [portal],
  paymentDays: 30,
  delivery: { text: 'Six weeks', days: 42 },
  discountPercent: 5,
  validUntil: '2027-03-31',
  clauses: ['sla-99.5'],
  ...over,
});

describe('the terms draft', () => {
  it('has no problem as the case holds it', () => {
    expect([...draftProblems(terms())]).toEqual([]);
  });

  it('names each field with a problem', () => {
    const draft = terms({
      items: [portal, { ...blankItem('EUR'), quantity: 0 }],
      clauses: ['sla-99.5', ' ', 'sla-99.5'],
    });
    expect(Object.fromEntries(draftProblems(draft))).toEqual({
      'items.1.description': 'required',
      'items.1.quantity': 'positive',
      'clauses.1': 'required',
      'clauses.2': 'duplicate',
    });
    expect(Object.fromEntries(draftProblems(terms({ items: [] })))).toEqual({ items: 'noItem' });
  });

  it('gives new rows a unique product id from their description, and keeps the others', () => {
    const sent = toSendable(
      terms({
        items: [
          portal,
          { ...blankItem('EUR'), description: ' Staff training ' },
          { ...blankItem('EUR'), description: 'Staff training' },
          { ...blankItem('EUR'), description: 'Portal' },
        ],
        clauses: [' gdpr-dpa '],
      }),
    );
    expect(sent.items.map((i) => [i.productId, i.description])).toEqual([
      ['portal', 'Ordering portal'],
      ['staff-training', 'Staff training'],
      ['staff-training-2', 'Staff training'],
      ['portal-2', 'Portal'],
    ]);
    expect(sent.clauses).toEqual(['gdpr-dpa']);
  });

  it.each([
    ['Árvíztűrő tükörfúrógép', 'arvizturo-tukorfurogep'],
    ['  ', 'item'],
    ['24/7 support!', '24-7-support'],
  ])('slug of %j is %j', (text, slug) => {
    expect(slugOf(text)).toBe(slug);
  });
});
