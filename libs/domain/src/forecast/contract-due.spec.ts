import {
  ContractDueReport,
  DEFAULT_LATENESS,
  contractDueCurve,
  contractDueReason,
  estimateLateness,
  latestContractDue,
} from './contract-due';
import { forecastSignings } from './forecast';
import { DAY_MS } from './hazards';
import { LogEvent } from './transition-log';

const AS_OF = new Date('2027-01-05T00:00:00Z');
const inDays = (d: number) => new Date(AS_OF.getTime() + d * DAY_MS);
const bins = (curve: Float64Array) => [...curve].map((x) => Math.round(x * 1e9) / 1e9);
const report = (prospectId: string, dueAt: Date | null, reportedAt: Date, sequence: number): ContractDueReport => ({
  prospectId,
  dueAt,
  reportedAt,
  sequence,
});

describe('signing timed from the contract tasks’ due date (contract-due.ts)', () => {
  const base = { chance: 0.8, asOf: AS_OF, lateness: DEFAULT_LATENESS, binDays: 1, steps: 30 };

  it('keeps the stage’s chance and spreads it over the week from the due date (default rule)', () => {
    const { curve, fromNow } = contractDueCurve({ ...base, dueAt: inDays(10) });
    // Days 10.5 .. 16.5: bins 10 .. 16 hold 0.8 / 7 each.
    const expected = Array<number>(30).fill(0);
    for (let b = 10; b <= 16; b++) expected[b] = Math.round((0.8 / 7) * 1e9) / 1e9;
    expect(bins(curve)).toEqual(expected);
    expect(fromNow).toBe(false);
  });

  it('puts the days into the line’s wider bins and drops what falls past the horizon', () => {
    // Bins of 7 days: 10.5, 11.5, 12.5, 13.5 in bin 1; 14.5, 15.5, 16.5 in bin 2.
    const weekly = contractDueCurve({ ...base, dueAt: inDays(10), binDays: 7, steps: 5 }).curve;
    expect(bins(weekly)).toEqual([0, 0.457142857, 0.342857143, 0, 0]);
    // 12 bins of a day: only days 10.5 and 11.5 are inside.
    const short = contractDueCurve({ ...base, dueAt: inDays(10), steps: 12 }).curve;
    expect(short.reduce((s, x) => s + x, 0)).toBeCloseTo((2 * 0.8) / 7, 9);
  });

  it('overdue: only the lateness still possible counts, so a deal 3 days overdue signs in the next 4 days', () => {
    // Days -2.5 .. 3.5 from now; the four at 0.5, 1.5, 2.5, 3.5 remain, each 0.8 / 4.
    const { curve, fromNow } = contractDueCurve({ ...base, dueAt: inDays(-3), steps: 6 });
    expect(bins(curve)).toEqual([0.2, 0.2, 0.2, 0.2, 0, 0]);
    expect(fromNow).toBe(false);
  });

  it('overdue beyond every lateness seen: the week runs from now', () => {
    const { curve, fromNow } = contractDueCurve({ ...base, dueAt: inDays(-10), steps: 8 });
    const seventh = Math.round((0.8 / 7) * 1e9) / 1e9;
    expect(bins(curve)).toEqual([...Array<number>(7).fill(seventh), 0]);
    expect(fromNow).toBe(true);
  });

  it('learns the lateness from signed contracts once five reported a due date, each contract weighing 1', () => {
    const won = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ prospectId: id, at: inDays(0).getTime(), valueMinor: null }));
    const reports = [
      ...['a', 'b', 'c', 'd'].map((id, i) => report(id, inDays(-2), inDays(-9), i + 1)), // 2 days late
      report('e', inDays(-1), inDays(-9), 5), // 1 day late ...
      report('e', inDays(-3), inDays(-4), 6), // ... and 3 days against its later report
      report('e', null, inDays(-1), 7), // nothing open: no date to measure against
      report('a', inDays(5), inDays(1), 8), // after the signing: not known then
    ];
    const lateness = estimateLateness(reports, won);
    expect(lateness.contracts).toBe(5);
    expect(lateness.days).toEqual([2, 2, 2, 2, 1, 3]);
    expect(lateness.weights.map((w) => Math.round(w * 1e9) / 1e9)).toEqual([0.2, 0.2, 0.2, 0.2, 0.1, 0.1]);
    // Four contracts are not enough: the default rule.
    expect(estimateLateness(reports, won.slice(0, 4))).toBe(DEFAULT_LATENESS);
    // Anchored on that history, a deal due in 3 days signs on day 4, 5 or 6: 0.8 x (0.1, 0.8, 0.1).
    const curve = contractDueCurve({ ...base, dueAt: inDays(3), lateness, steps: 8 }).curve;
    expect(bins(curve)).toEqual([0, 0, 0, 0, 0.08, 0.64, 0.08, 0]);
  });

  it('reads the newest report received before the as-of time, whatever order they came in', () => {
    const reports = [
      report('p', inDays(9), inDays(-2), 7),
      report('p', inDays(4), inDays(-5), 3), // older, delivered late
      report('p', null, inDays(1), 9), // after the as-of time
    ];
    expect(latestContractDue(reports, AS_OF).get('p')?.dueAt).toEqual(inDays(9));
    expect(latestContractDue(reports, inDays(2)).get('p')?.dueAt).toBeNull();
  });

  it('says so in a sentence', () => {
    expect(contractDueReason(inDays(10), AS_OF, DEFAULT_LATENESS, false)).toBe(
      'contract tasks due 2027-01-15, so signing is timed within a week after that date',
    );
    expect(contractDueReason(inDays(-3), AS_OF, { ...DEFAULT_LATENESS, contracts: 12 }, false)).toBe(
      'contract tasks due 2027-01-02 (3 days overdue), so signing is timed from that date by the lateness of 12 ' +
        "signed contracts against their tasks' due dates",
    );
    expect(contractDueReason(inDays(-10), AS_OF, DEFAULT_LATENESS, true)).toBe(
      'contract tasks due 2026-12-26 (10 days overdue), past the week allowed after it, so signing is expected ' +
        'within a week from now',
    );
    expect(contractDueReason(inDays(-10), AS_OF, { ...DEFAULT_LATENESS, contracts: 6 }, true)).toContain(
      '(10 days overdue), later than any signing seen, so signing is expected within a week from now',
    );
  });
});

describe('the forecast with contract due dates', () => {
  const LINE = { id: 'pl', cycleMinDays: 30, cycleMaxDays: 60 };
  const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
  const move = (id: string, d: number, status: LogEvent['toStatus'] = 'active'): LogEvent => ({
    prospectId: id,
    fromStage: status === 'won' ? 'contract' : 'offer_defence',
    toStage: 'contract',
    toStatus: status,
    at: day(d),
    productLineId: 'pl',
    unitId: 'u1',
    ownerId: 's1',
  });
  // Every contract so far signed on its 2nd day in the contract stage; the open one entered on day 30 (Jan 31).
  const log: LogEvent[] = [];
  for (let i = 0; i < 20; i++) log.push(move(`h${i}`, i), move(`h${i}`, i + 1, 'won'));
  log.push(move('open1', 30));
  // The rates' spread of a 20-signature log is 1/√20 (rateSigma); the timing is what is tested, so a narrow one.
  const options = { months: 2, runs: 300, seed: 7, inflowDays: 1, modelSigma: 0.08 };
  const february = (f: ReturnType<typeof forecastSignings>) =>
    f.lines.find((l) => l.kind === 'all' && l.period === '2026-02')!.count.mean;

  it('moves a contract-stage deal to its tasks’ due date and says so in its reason', () => {
    const plain = forecastSignings(log, [LINE], day(31), options);
    // Its own history signs it in the first days of February.
    expect(plain.deals[0].expectedMonth).toBe('2026-02');
    expect(february(plain)).toBeGreaterThan(0.95);

    const contractDue = [report('open1', new Date('2026-03-12T00:00:00Z'), day(30), 1)];
    const anchored = forecastSignings(log, [LINE], day(31), { ...options, contractDue });
    expect(anchored.deals[0].expectedMonth).toBe('2026-03');
    expect(anchored.deals[0].reason).toContain(
      'contract tasks due 2026-03-12, so signing is timed within a week after that date;',
    );
    // The same chance to sign (the stage's), none of it in February any more.
    expect(anchored.deals[0].probability).toBeCloseTo(plain.deals[0].probability, 2);
    expect(february(anchored)).toBe(0);
  });

  it('keeps the hazards when nothing is open, or when the report came after the as-of time', () => {
    const plain = forecastSignings(log, [LINE], day(31), options);
    for (const contractDue of [
      [report('open1', null, day(30), 1)],
      [report('open1', new Date('2026-03-12T00:00:00Z'), day(31), 1)],
    ]) {
      const f = forecastSignings(log, [LINE], day(31), { ...options, contractDue });
      expect(f.deals[0].reason).not.toContain('contract tasks due');
      expect(f.lines).toEqual(plain.lines);
    }
  });
});
