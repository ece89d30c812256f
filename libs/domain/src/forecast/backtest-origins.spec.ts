import { recentBacktestOrigins } from './backtest-origins';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString().slice(0, 10));

describe('backtest origins', () => {
  it.each([
    // asOf, count, log start, origins
    ['2026-12-02T10:00:00Z', 3, '2025-01-01', ['2026-07-01', '2026-08-01', '2026-09-01']],
    ['2026-12-01T00:00:00Z', 1, '2025-01-01', ['2026-09-01']],
    ['2026-03-15T00:00:00Z', 2, '2024-01-01', ['2025-11-01', '2025-12-01']],
    // Only origins with 90 days of log before them.
    ['2026-12-02T00:00:00Z', 6, '2026-05-01', ['2026-08-01', '2026-09-01']],
    ['2026-12-02T00:00:00Z', 6, '2026-08-01', []],
  ])('as of %s, %i wanted, log from %s: %j', (asOf, count, start, expected) => {
    expect(iso(recentBacktestOrigins(new Date(asOf), count, new Date(start)))).toEqual(expected);
  });

  it('gives none for an empty log', () => {
    expect(recentBacktestOrigins(new Date('2026-12-02'), 6, null)).toEqual([]);
  });
});
