import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { showDeviationValue } from './terms-values';

// A stand-in catalogue: the key and its options, so the test sees which message and values were chosen.
const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key}(${JSON.stringify(options)})` : key) as unknown as TFunction;
const f = {
  t,
  money: (minor: number, currency: string) => `${minor / 100} ${currency}`,
  number: (value: number) => String(value),
  date: (iso: string) => `date:${iso}`,
};

describe('deviation values in words', () => {
  it.each<[string, unknown, string]>([
    ['payment_days', 60, 'terms.days({"count":60})'],
    ['delivery_days', null, 'terms.none'],
    ['discount_percent', 10, 'terms.percent({"value":"10"})'],
    ['valid_until', '2027-06-30', 'date:2027-06-30'],
    ['item_price', { amountMinor: 4_000_000, currency: 'EUR' }, '40000 EUR'],
    ['item_quantity', 3, '3'],
    ['delivery_text', 'Go-live in ten weeks', 'Go-live in ten weeks'],
    [
      'item_added',
      { productId: 'p', description: 'Portal', quantity: 1, unitPriceMinor: 100, currency: 'EUR' },
      'terms.itemLine({"quantity":"1","description":"Portal","price":"1 EUR"})',
    ],
  ])('%s %j', (field, value, expected) => {
    expect(showDeviationValue(field, value, f)).toBe(expected);
  });
});
