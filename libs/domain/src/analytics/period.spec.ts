import { AnalyticsErrorCode } from './analytics-error';
import {
  addMonthsToKey,
  isInPeriod,
  isMonthKey,
  monthKeyOf,
  monthKeyStart,
  monthKeysBetween,
  monthPeriod,
  monthsPeriod,
  periodMonthCount,
  periodMonthKeys,
} from './period';

describe('period helpers', () => {
  it('takes the month of an instant in UTC, not local time', () => {
    expect(monthKeyOf(new Date('2026-01-31T23:30:00-05:00'))).toBe('2026-02');
    expect(monthKeyOf(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03');
    expect(monthKeyOf(new Date('2026-02-28T23:59:59.999Z'))).toBe('2026-02');
  });

  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['26-01', false],
  ])('isMonthKey(%s) = %s', (key, expected) => {
    expect(isMonthKey(key)).toBe(expected);
  });

  it('adds months across year boundaries both ways', () => {
    expect(addMonthsToKey('2026-11', 3)).toBe('2027-02');
    expect(addMonthsToKey('2026-01', -1)).toBe('2025-12');
    expect(addMonthsToKey('2026-01', -13)).toBe('2024-12');
    expect(addMonthsToKey('2026-05', 0)).toBe('2026-05');
  });

  it('lists months between two keys, both included', () => {
    expect(monthKeysBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthKeysBetween('2026-02', '2026-02')).toEqual(['2026-02']);
    expect(monthKeysBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('builds half-open month periods', () => {
    expect(monthKeyStart('2026-02').toISOString()).toBe('2026-02-01T00:00:00.000Z');
    const feb = monthPeriod('2026-02');
    expect(feb.to.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(isInPeriod(new Date('2026-02-01T00:00:00Z'), feb)).toBe(true);
    expect(isInPeriod(new Date('2026-03-01T00:00:00Z'), feb)).toBe(false);
    const q1 = monthsPeriod('2026-01', '2026-03');
    expect([q1.from.toISOString(), q1.to.toISOString()]).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-04-01T00:00:00.000Z',
    ]);
  });

  it('counts months of a period, partial months by their share', () => {
    expect(periodMonthCount(monthsPeriod('2026-01', '2026-03'))).toBe(3);
    expect(periodMonthKeys(monthsPeriod('2026-01', '2026-03'))).toEqual(['2026-01', '2026-02', '2026-03']);
    // 1-16 June 2026 is 15 of June's 30 days.
    const halfJune = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-06-16T00:00:00Z') };
    expect(periodMonthCount(halfJune)).toBeCloseTo(0.5, 12);
    // 15 Jan - 15 Feb: 17/31 of January + 14/28 of February.
    const straddle = { from: new Date('2026-01-15T00:00:00Z'), to: new Date('2026-02-15T00:00:00Z') };
    expect(periodMonthCount(straddle)).toBeCloseTo(17 / 31 + 14 / 28, 12);
  });

  it('treats an empty period as zero months', () => {
    const instant = new Date('2026-06-01T00:00:00Z');
    expect(periodMonthKeys({ from: instant, to: instant })).toEqual([]);
    expect(periodMonthCount({ from: instant, to: instant })).toBe(0);
  });

  it('rejects broken keys and reversed periods with a domain error', () => {
    expect(() => monthKeyStart('2026-13')).toThrow(expect.objectContaining({ code: AnalyticsErrorCode.InvalidPeriod }));
    expect(() => monthsPeriod('2026-03', '2026-01')).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidPeriod }),
    );
    expect(() => monthKeyOf(new Date('nope'))).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
  });
});
