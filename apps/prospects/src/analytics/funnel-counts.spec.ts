import { funnelCounts } from './funnel-counts';

const period = (from: string, to: string) => ({ from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) });

describe('funnelCounts', () => {
  it('reads whole months from the monthly table and the edge days from the daily one', () => {
    const params: unknown[] = ['already there'];
    const sql = funnelCounts(period('2026-01-20', '2026-03-10'), params);
    expect(sql).toContain('FROM funnel_monthly WHERE month >= $2::date AND month < $3::date');
    expect(sql).toContain('(day >= $4::date AND day < $5::date) OR (day >= $6::date AND day < $7::date)');
    expect(params).toEqual([
      'already there',
      '2026-02-01',
      '2026-03-01',
      '2026-01-20',
      '2026-02-01',
      '2026-03-01',
      '2026-03-10',
    ]);
  });

  it('uses only whole months when the period starts and ends on a month', () => {
    const params: unknown[] = [];
    funnelCounts(period('2026-01-01', '2026-04-01'), params);
    // The edge ranges are empty: [Jan 1, Jan 1) and [Apr 1, Apr 1).
    expect(params).toEqual(['2026-01-01', '2026-04-01', '2026-01-01', '2026-01-01', '2026-04-01', '2026-04-01']);
  });

  it('uses only days inside one month, and for an empty period', () => {
    for (const [from, to] of [
      ['2026-02-03', '2026-02-17'],
      ['2026-02-03', '2026-02-03'],
      ['2026-01-31', '2026-02-28'],
    ]) {
      const params: unknown[] = [];
      const sql = funnelCounts(period(from, to), params);
      expect(sql).not.toContain('funnel_monthly');
      expect(params).toEqual([from, to]);
    }
  });
});
