import { forecastPeriods, monthsThroughNextQuarter } from './forecast-periods';
import { quantiles } from './draws';
import { forecastSignings } from './forecast';
import { LogEvent } from './transition-log';

const LINE = { id: 'pl', cycleMinDays: 30, cycleMaxDays: 60 };
const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
const move = (
  id: string,
  d: number,
  from: LogEvent['fromStage'],
  to: LogEvent['toStage'],
  status: LogEvent['toStatus'] = 'active',
  ownerId = 's1',
): LogEvent => ({
  prospectId: id,
  fromStage: from,
  toStage: to,
  toStatus: status,
  at: day(d),
  productLineId: 'pl',
  unitId: 'u1',
  ownerId,
});

describe('forecast periods', () => {
  it('gives the months from the as-of month, the next three months and the next calendar quarter', () => {
    const p = forecastPeriods(new Date('2026-02-10T00:00:00Z'), 2);
    expect(p.map((x) => [x.key, x.from.toISOString().slice(0, 10), x.to.toISOString().slice(0, 10)])).toEqual([
      ['2026-02', '2026-02-10', '2026-03-01'],
      ['2026-03', '2026-03-01', '2026-04-01'],
      ['next_3_months', '2026-02-10', '2026-05-10'],
      ['2026-Q2', '2026-04-01', '2026-07-01'],
    ]);
    expect(forecastPeriods(new Date('2026-04-01T00:00:00Z'), 1).at(-1)!.key).toBe('2026-Q2');
  });

  it.each([
    ['2026-07-01T00:00:00Z', 3], // at a quarter's start: that quarter
    ['2026-12-02T10:00:00Z', 4], // December .. March
    ['2026-11-15T00:00:00Z', 5], // November .. March
    ['2026-09-30T00:00:00Z', 4], // September .. December
  ])('covers the months through the next quarter from %s: %i', (asOf, months) => {
    expect(monthsThroughNextQuarter(new Date(asOf))).toBe(months);
  });
});

describe('signed-contract forecast', () => {
  // Every contract so far signed on its 2nd day in the contract stage (bins of a day); nothing is ever lost.
  const history: LogEvent[] = [];
  for (let i = 0; i < 20; i++) {
    history.push(move(`h${i}`, i, 'offer_defence', 'contract'), move(`h${i}`, i + 1, 'contract', 'contract', 'won'));
  }
  const open = [move('open1', 30, 'offer_defence', 'contract'), move('future', 40, 'offer_defence', 'contract')];
  const log = [...history, ...open].sort((a, b) => a.at.getTime() - b.at.getTime());

  it('signs an open contract-stage deal as its history says, with a probability and month, from the log before T only', () => {
    const f = forecastSignings(log, [LINE], day(31), { months: 1, runs: 200, seed: 7, inflowDays: 1 });
    // The deal entered on day 30: past bin 0, its bin-1 hazard is (20 + 3·20/40) / (20 + 3) ≈ 0.9 and then the tail.
    expect(f.deals.map((d) => d.prospectId)).toEqual(['open1']);
    expect(f.deals[0].probability).toBeGreaterThan(0.99);
    expect(f.deals[0].expectedMonth).toBe('2026-02');
    expect(f.deals[0].reason).toContain('In contract for 1 days');
    const all = f.lines.find((l) => l.kind === 'all' && l.period === 'next_3_months')!;
    expect(all.count).toMatchObject({ p10: 1, p50: 1, p90: 1 });
    const seller = f.lines.find((l) => l.kind === 'salesperson' && l.id === 's1' && l.period === 'next_3_months');
    expect(seller?.count.p50).toBe(1);
    expect(all.valueMinor).toBeNull();
  });

  it('adds arrivals at the recent inflow rate: a Poisson count whose interval widens', () => {
    // Ten arrivals at primary contact in the last 10 days, a line where all stages pass in one bin.
    const quick: LogEvent[] = [];
    for (let i = 0; i < 10; i++) quick.push(move(`n${i}`, 50 + i, 'sampling', 'primary_contact'));
    const f = forecastSignings([...log, ...quick], [LINE], day(60), { months: 1, runs: 400, seed: 3, inflowDays: 10 });
    const inflow = f.lines.find((l) => l.kind === 'all' && l.period === 'next_3_months')!;
    expect(inflow.count.p90).toBeGreaterThan(inflow.count.p10);
    // Same seed, same answer.
    expect(
      forecastSignings([...log, ...quick], [LINE], day(60), { months: 1, runs: 400, seed: 3, inflowDays: 10 }).lines,
    ).toEqual(f.lines);
  });

  it('answers for a scope only (its deals and its arrivals) while the rates still come from the whole log', () => {
    const other = move('other', 30, 'offer_defence', 'contract', 'active', 's2');
    const quick: LogEvent[] = [];
    for (let i = 0; i < 10; i++) quick.push(move(`n${i}`, 25 + i, 'sampling', 'primary_contact', 'active', 's2'));
    const events = [...log, other, ...quick].sort((a, b) => a.at.getTime() - b.at.getTime());
    const options = { months: 1, runs: 200, seed: 7, inflowDays: 10 };
    const whole = forecastSignings(events, [LINE], day(31), options);
    const mine = forecastSignings(events, [LINE], day(31), { ...options, scope: (d) => d.ownerId === 's1' });
    expect(whole.deals.map((d) => d.prospectId)).toEqual(expect.arrayContaining(['open1', 'other', 'n0']));
    expect(mine.deals.map((d) => d.prospectId)).toEqual(['open1']);
    // s1's deal keeps the chance the company's history gives it.
    expect(mine.deals[0].probability).toBeCloseTo(whole.deals.find((d) => d.prospectId === 'open1')!.probability);
    const all = (f: typeof whole) => f.lines.find((l) => l.kind === 'all' && l.period === 'next_3_months')!.count;
    expect(all(mine)).toMatchObject({ p10: 1, p50: 1, p90: 1 });
    expect(all(whole).mean).toBeGreaterThan(all(mine).mean + 0.9);
    expect(mine.lines.some((l) => l.kind === 'salesperson' && l.id === 's2')).toBe(false);
  });

  it('forecasts the arrivals at each stage when asked: new prospects at primary contact, moves after it', () => {
    // Ten entries at primary contact in the last 10 days (one a day); every past deal went from primary contact to
    // needs identification on its next day and was lost there the day after.
    const moves: LogEvent[] = [];
    for (let i = 0; i < 20; i++)
      moves.push(
        move(`p${i}`, i, 'sampling', 'primary_contact'),
        move(`p${i}`, i + 1, 'primary_contact', 'needs_identification'),
        move(`p${i}`, i + 2, 'needs_identification', 'needs_identification', 'lost'),
      );
    const recent: LogEvent[] = [];
    for (let i = 0; i < 10; i++) recent.push(move(`r${i}`, 50 + i, 'sampling', 'primary_contact'));
    const events = [...moves, ...recent, move('r9', 59.5, 'primary_contact', 'needs_identification')].sort(
      (a, b) => a.at.getTime() - b.at.getTime(),
    );
    const asOf = day(60);
    const f = forecastSignings(events, [LINE], asOf, {
      months: 1,
      runs: 400,
      seed: 5,
      inflowDays: 10,
      stageArrivals: true,
      // A log with no signature would spread every rate by a factor of e^±1 (rateSigma): a narrow one here.
      modelSigma: 0.05,
    });
    const arrivals = (stage: string) =>
      f.arrivals.find((a) => a.kind === 'all' && a.period === 'next_3_months' && a.stage === stage)!.count;
    // About one new prospect a day for the next three months (90 days): a Poisson mean of 90.
    expect(arrivals('primary_contact').mean).toBeGreaterThan(80);
    expect(arrivals('primary_contact').mean).toBeLessThan(100);
    // The 9 still at primary contact move on, and so do nearly all of the new ones.
    expect(arrivals('needs_identification').mean).toBeGreaterThan(arrivals('primary_contact').mean);
    expect(arrivals('needs_identification').p10).toBeLessThan(arrivals('needs_identification').p90);
    // Every deal was lost in needs identification, so nothing arrives at the offer stage.
    expect(arrivals('offer_formation')).toMatchObject({ p10: 0, p50: 0, p90: 0 });
    // Off by default: the signed-contract answer alone.
    expect(forecastSignings(events, [LINE], asOf, { months: 1, runs: 50 }).arrivals).toEqual([]);
  });

  it('takes quantiles between order statistics', () => {
    expect(quantiles(Float64Array.from([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]))).toEqual({
      p10: 10,
      p50: 50,
      p90: 90,
      mean: 50,
    });
  });
});
