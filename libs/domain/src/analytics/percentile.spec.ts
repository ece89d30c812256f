import { AnalyticsErrorCode } from './analytics-error';
import { durationStats, percentile, timeInStageByProductLine } from './percentile';

describe('percentile (linear interpolation, as PostgreSQL percentile_cont)', () => {
  it.each([
    [[5], 0.5, 5],
    [[5], 0.9, 5],
    [[1, 2, 3, 4], 0.5, 2.5],
    [[4, 1, 3, 2], 0.5, 2.5], // unsorted input
    [[1, 2, 3, 4, 5], 0.5, 3],
    // position (10 - 1) * 0.9 = 8.1 -> 9 + 0.1 * (10 - 9)
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9.1],
    // position 2 * 0.9 = 1.8 -> 10 + 0.8 * (30 - 10)
    [[0, 10, 30], 0.9, 26],
    [[0, 10, 30], 0, 0],
    [[0, 10, 30], 1, 30],
  ])('%j at %d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 12);
  });

  it('is null for no values', () => {
    expect(percentile([], 0.5)).toBeNull();
  });

  it('rejects p outside [0, 1] and non-finite values', () => {
    const invalid = expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput });
    expect(() => percentile([1], 1.5)).toThrow(invalid);
    expect(() => percentile([1], Number.NaN)).toThrow(invalid);
    expect(() => percentile([1, Number.NaN], 0.5)).toThrow(invalid);
  });
});

describe('durationStats', () => {
  it('gives count, median and p90', () => {
    expect(durationStats([2, 8, 4, 6])).toEqual({ count: 4, median: 5, p90: 7.4 });
  });

  it('is null for an empty period', () => {
    expect(durationStats([])).toEqual({ count: 0, median: null, p90: null });
  });

  it('rejects negative durations', () => {
    expect(() => durationStats([-1])).toThrow(expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }));
  });
});

describe('timeInStageByProductLine', () => {
  it('groups by product line and stage in funnel order', () => {
    const result = timeInStageByProductLine([
      { productLineId: 'software', stage: 'needs_identification', duration: 10 },
      { productLineId: 'equipment', stage: 'primary_contact', duration: 30 },
      { productLineId: 'software', stage: 'primary_contact', duration: 3 },
      { productLineId: 'software', stage: 'primary_contact', duration: 1 },
      { productLineId: 'software', stage: 'needs_identification', duration: 20 },
      { productLineId: 'software', stage: 'primary_contact', duration: 2 },
    ]);
    expect(result).toEqual([
      { productLineId: 'equipment', stage: 'primary_contact', count: 1, median: 30, p90: 30 },
      { productLineId: 'software', stage: 'primary_contact', count: 3, median: 2, p90: 2.8 },
      { productLineId: 'software', stage: 'needs_identification', count: 2, median: 15, p90: 19 },
    ]);
  });

  it('is empty for no rows', () => {
    expect(timeInStageByProductLine([])).toEqual([]);
  });
});
