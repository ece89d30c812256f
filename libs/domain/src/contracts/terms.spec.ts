import { DomainError } from '../domain-error';
import { ContractErrorCode } from './contract-error';
import { assertValidTerms, isIsoDate, termsProblems, termsSnapshotOf, type OfferTermsSnapshot } from './terms';

const terms = (over: Partial<OfferTermsSnapshot> = {}): OfferTermsSnapshot => ({
  items: [{ productId: 'p1', description: 'Licence', quantity: 10, unitPriceMinor: 12_000, currency: 'EUR' }],
  paymentDays: 30,
  delivery: { text: 'DAP Berlin', days: 14 },
  discountPercent: 5,
  validUntil: '2025-12-31',
  clauses: ['warranty-12m'],
  ...over,
});
const item = terms().items[0];

describe('termsProblems', () => {
  it('accepts valid terms', () => {
    expect(termsProblems(terms())).toEqual([]);
    expect(termsProblems(terms({ delivery: { text: null, days: 0 } }))).toEqual([]);
  });

  it.each<[string, Partial<OfferTermsSnapshot>, string]>([
    ['no item', { items: [] }, 'The terms have no item.'],
    ['duplicate product', { items: [item, item] }, 'Product p1 appears twice.'],
    ['blank product', { items: [{ ...item, productId: ' ' }] }, 'An item has no product.'],
    ['zero quantity', { items: [{ ...item, quantity: 0 }] }, 'The quantity of p1 must be greater than zero.'],
    ['fractional cents', { items: [{ ...item, unitPriceMinor: 1.5 }] }, 'The unit price of p1 must be a whole'],
    ['bad currency', { items: [{ ...item, currency: 'eur' }] }, 'The currency of p1 must be a three-letter code.'],
    ['negative payment days', { paymentDays: -1 }, 'Payment days must be a whole number'],
    ['no delivery', { delivery: { text: '  ', days: null } }, 'Delivery terms are missing.'],
    ['fractional delivery days', { delivery: { text: null, days: 1.5 } }, 'Delivery days must be a whole number'],
    ['discount over 100', { discountPercent: 101 }, 'The discount must be between 0 and 100 percent.'],
    ['impossible date', { validUntil: '2025-02-30' }, 'The validity date must be a calendar date'],
    ['empty clause', { clauses: [''] }, 'A clause is empty.'],
    ['duplicate clause', { clauses: ['a', 'a'] }, 'Clause a appears twice.'],
  ])('refuses %s', (_name, over, problem) => {
    expect(termsProblems(terms(over)).join(' ')).toContain(problem);
  });

  it('assertValidTerms throws invalid_terms listing the problems', () => {
    const bad = terms({ paymentDays: -1, discountPercent: -3 });
    expect(() => assertValidTerms(bad)).toThrow(DomainError);
    try {
      assertValidTerms(bad);
    } catch (e) {
      expect((e as DomainError).code).toBe(ContractErrorCode.InvalidTerms);
      expect((e as DomainError).details?.problems).toHaveLength(2);
    }
    expect(() => assertValidTerms(terms())).not.toThrow();
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-1-01', false],
    ['2025-12-31T00:00:00Z', false],
  ])('isIsoDate(%s) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('termsSnapshotOf', () => {
  it('copies the terms alone out of an object that carries more', () => {
    const offerVersion = {
      ...terms(),
      id: 'offer-1',
      status: 'approved',
      items: [{ ...item, id: 'item-1', needIds: ['need-1'] }],
    };
    const copy = termsSnapshotOf(offerVersion);
    expect(copy).toEqual(terms());
    expect(copy.items[0]).not.toHaveProperty('needIds');
    expect(copy).not.toHaveProperty('id');
    // Fresh arrays: changing the copy leaves the source as it was.
    copy.clauses.push('late-fee');
    copy.items.pop();
    expect(offerVersion.clauses).toEqual(['warranty-12m']);
    expect(offerVersion.items).toHaveLength(1);
  });

  it('reads absent delivery fields and clauses as empty', () => {
    const { delivery: _delivery, clauses: _clauses, ...bare } = terms();
    expect(termsSnapshotOf(bare)).toMatchObject({ delivery: { text: null, days: null }, clauses: [] });
    expect(termsSnapshotOf({ ...bare, delivery: { days: 10 } }).delivery).toEqual({ text: null, days: 10 });
  });
});
