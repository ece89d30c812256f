import { arrivalLagBins, openDealLagBins, shiftEarlier } from './bin-timing';
import { estimatePace } from './deal-pace';
import { DAY_MS } from './hazards';
import { rateSigma } from './rate-uncertainty';
import { estimateInflowSeason } from './seasonal-inflow';
import { Stay } from './transition-log';

describe('bin timing', () => {
  it('takes back half a bin per stage move ahead and the part of the current bin already spent', () => {
    expect(openDealLagBins(2, 3.25)).toBeCloseTo(1.25);
    expect(openDealLagBins(0, 5)).toBe(0);
    expect(arrivalLagBins(4)).toBe(1.5);
  });

  it('moves a curve earlier between neighbouring bins and keeps what would fall before now in the first bin', () => {
    const pmf = Float64Array.from([0.1, 0.2, 0.4, 0.2]);
    // Half a bin: each bin gives half to itself and half to the one before; bin 0's half stays in bin 0.
    expect(Array.from(shiftEarlier(pmf, 0.5, 4))).toEqual([
      expect.closeTo(0.1 + 0.1, 10),
      expect.closeTo(0.1 + 0.2, 10),
      expect.closeTo(0.2 + 0.1, 10),
      expect.closeTo(0.1, 10),
    ]);
    // A whole bin and a quarter, cut to two bins: bin 2 gives 0.75 to bin 1 and 0.25 to bin 0.
    expect(Array.from(shiftEarlier(pmf, 1.25, 2))).toEqual([
      expect.closeTo(0.1 + 0.2 + 0.1, 10),
      expect.closeTo(0.3 + 0.05, 10),
    ]);
  });
});

describe('deal pace', () => {
  const stay = (id: string, stage: Stay['stage'], from: number, days: number, outcome: Stay['outcome']): Stay => ({
    prospectId: id,
    stage,
    productLineId: 'pl',
    unitId: 'u',
    ownerId: 's',
    enteredAt: from * DAY_MS,
    endedAt: (from + days) * DAY_MS,
    outcome,
    valueMinor: null,
  });

  it('calls a deal fast when its finished stages took less than the line’s mean advanced stays', () => {
    // Contact took 2 and 6 days for the two deals: mean 4. Needs took 10 and 30 for them (mean 20).
    const a = [
      stay('a', 'primary_contact', 0, 2, 'advance'),
      stay('a', 'needs_identification', 2, 10, 'advance'),
      stay('a', 'offer_formation', 12, 1, 'open'),
    ];
    const b = [
      stay('b', 'primary_contact', 0, 6, 'advance'),
      stay('b', 'needs_identification', 6, 30, 'advance'),
      stay('b', 'offer_formation', 36, 1, 'open'),
    ];
    // A third deal lost in contact has no finished stage: no pace for it.
    const c = [stay('c', 'primary_contact', 0, 9, 'lost')];
    const pace = estimatePace([...a, ...b, ...c]);
    expect(pace.has(a[0])).toBe(false);
    // a: 2 days against 4 in contact (fast); then 12 against 24 over both stages (fast).
    expect(pace.get(a[1])).toBe('fast');
    expect(pace.get(a[2])).toBe('fast');
    // b: 6 against 4, then 36 against 24: slow.
    expect(pace.get(b[1])).toBe('slow');
    expect(pace.get(b[2])).toBe('slow');
    expect(pace.has(c[0])).toBe(false);
  });
});

describe('seasonal inflow', () => {
  const asOf = Date.UTC(2026, 0, 1);
  /** `perDay[m]` entries per day in month m of 2025, and a few in 2024 so the log holds a whole year. */
  const entriesOf = (perDay: (month: number) => number) => {
    const out = [Date.UTC(2024, 11, 15)];
    for (let m = 0; m < 12; m++)
      for (let d = Date.UTC(2025, m, 1); d < Date.UTC(2025, m + 1, 1); d += DAY_MS)
        for (let i = 0; i < perDay(m); i++) out.push(d + i);
    return out;
  };

  it('is 1 with less than a year of log', () => {
    const entries = entriesOf((m) => (m < 6 ? 10 : 20)).slice(1);
    expect(estimateInflowSeason(entries, asOf, 90)(Date.UTC(2026, 4, 1))).toBe(1);
  });

  it('scales a future month by its ratio a year before against the recent months’, shrunk by the noise', () => {
    // 20 a day in the first half of 2025, 10 in the second: the year's mean is 15 a day (to within the months' length).
    const entries = entriesOf((m) => (m < 6 ? 20 : 10));
    const season = estimateInflowSeason(entries, asOf, 90);
    const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const n = days.map((d, m) => d * (m < 6 ? 20 : 10));
    const mean = n.reduce((s, x) => s + x, 0) / 365;
    const ratio = n.map((x, m) => x / days[m] / mean);
    const noise = n.map((x) => 1 / x);
    const tau2 = ratio.reduce((s, r, m) => s + (r - 1) ** 2 - noise[m], 0) / 12;
    const shrunk = ratio.map((r, m) => 1 + ((r - 1) * tau2) / (tau2 + noise[m]));
    // The last 90 days before 2026-01-01 are 31 of December, 30 of November and 29 of October.
    const recent = (31 * shrunk[11] + 30 * shrunk[10] + 29 * shrunk[9]) / 90;
    expect(season(Date.UTC(2026, 4, 10))).toBeCloseTo(shrunk[4] / recent, 10);
    expect(season(Date.UTC(2026, 4, 10))).toBeCloseTo(2, 1);
    expect(season(Date.UTC(2026, 11, 10))).toBeCloseTo(shrunk[11] / recent, 10);
  });

  it('is 1 when the months differ no more than Poisson noise', () => {
    const entries = entriesOf(() => 3);
    expect(estimateInflowSeason(entries, asOf, 90)(Date.UTC(2026, 4, 1))).toBe(1);
  });
});

describe('rate uncertainty', () => {
  it('bounds the relative standard error of a chance by 1 / √signatures', () => {
    expect(rateSigma(100)).toBeCloseTo(0.1);
    expect(rateSigma(10_000)).toBeCloseTo(0.01);
    expect(rateSigma(0)).toBe(1);
  });
});
