import { runBacktest } from './backtest';
import { LogEvent } from './transition-log';

const LINE = { id: 'pl', cycleMinDays: 30, cycleMaxDays: 60 };
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const move = (
  id: string,
  day: string,
  from: LogEvent['fromStage'],
  to: LogEvent['toStage'],
  status: LogEvent['toStatus'] = 'active',
): LogEvent => ({
  prospectId: id,
  fromStage: from,
  toStage: to,
  toStatus: status,
  at: at(day),
  productLineId: 'pl',
  unitId: 'u1',
  ownerId: 's1',
});

// Six contracts signed in Jan-Mar (run rate 2 a month); at 1 April three deals wait in contract, one in defence;
// two of them sign in April, none later.
const log: LogEvent[] = [
  ...['01-10', '01-20', '02-10', '02-20', '03-10', '03-20'].flatMap((d, i) => [
    move(`w${i}`, `2026-${d}`, 'offer_defence', 'contract'),
    move(
      `w${i}`,
      `2026-${d.slice(0, 3)}${String(Number(d.slice(3)) + 2).padStart(2, '0')}`,
      'contract',
      'contract',
      'won',
    ),
  ]),
  move('c1', '2026-03-25', 'offer_defence', 'contract'),
  move('c2', '2026-03-26', 'offer_defence', 'contract'),
  move('c3', '2026-03-27', 'offer_defence', 'contract'),
  move('d1', '2026-03-27', 'offer_formation', 'offer_defence'),
  move('c1', '2026-04-03', 'contract', 'contract', 'won'),
  move('c2', '2026-04-04', 'contract', 'contract', 'won'),
].sort((a, b) => a.at.getTime() - b.at.getTime());
const plans = [
  { period: '2026-04', salespersonId: 's1', unitId: 'u1', count: 5 },
  { period: '2026-05', salespersonId: 's1', unitId: 'u1', count: 1 },
];

describe('backtest', () => {
  const r = runBacktest(log, [LINE], plans, [new Date('2026-04-01T00:00:00Z')], { runs: 200 });
  const err = (method: string, horizon: string) =>
    r.errors.find((e) => e.method === method && e.horizon === horizon && e.level === 'all')!;

  it('scores the baselines against what happened after the origin', () => {
    // April: actual 2. Run rate 6 / 3 = 2; stage weights (3 × 0.9 + 0.6) / 3 = 1.1; plan 5.
    expect(err('run_rate', 'month_1').wape).toBeCloseTo(0);
    expect(err('stage_weights', 'month_1').wape).toBeCloseTo(0.9 / 2);
    expect(err('plans', 'month_1').wape).toBeCloseTo(3 / 2);
    // Three months: actual 2; run rate 6; weights 3.3; plans 6.
    expect(err('run_rate', 'next_3_months').wape).toBeCloseTo(2);
    expect(err('stage_weights', 'next_3_months').wape).toBeCloseTo(0.65);
    // 1 April is a quarter start.
    expect(err('plans', 'quarter_at_start').wape).toBeCloseTo(2);
    // May had no signature: no MAPE (no actual above 0), and WAPE undefined.
    expect(err('run_rate', 'month_2')).toMatchObject({ wape: null, mape: null, cells: 1 });
  });

  it('reports interval coverage and the Brier score of the open deals', () => {
    expect(r.coverage.find((c) => c.horizon === 'next_3_months' && c.level === 'all')?.cells).toBe(1);
    const weights = r.brier.find((b) => b.method === 'stage_weights')!;
    // c1, c2 signed (0.9 each), c3 did not (0.9), d1 did not (0.6).
    expect(weights.deals).toBe(4);
    expect(weights.score).toBeCloseTo((0.01 + 0.01 + 0.81 + 0.36) / 4);
  });
});
