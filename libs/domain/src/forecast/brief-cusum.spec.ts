import { BRIEF_EXPOSURE_DAYS, briefCusum } from './brief-cusum';
import { baselineBriefShare } from './brief-shortfall';

describe('brief CUSUM', () => {
  // Share 0.5, ρ = 0.25: two meetings and no brief add 2 × 0.5 × 0.75 = 0.75; two meetings and two briefs add
  // 0.75 + 2 ln 0.25 = 0.75 − 2.7726 = −2.0226.
  const dry = { meetings: 2, briefs: 0 };
  const usual = { meetings: 2, briefs: 2 };

  it('adds the evidence of each step with no brief and flags at the threshold', () => {
    const r = briefCusum([dry, dry, dry], 0.5, { threshold: 2 });
    expect(r.statistic).toBeCloseTo(2.25);
    expect(r.flagged).toBe(true);
    expect(r.since).toBe(0);
    expect(briefCusum([dry, dry], 0.5, { threshold: 2 }).flagged).toBe(false);
  });

  it('falls back to zero when briefs come as usual and starts a new run after', () => {
    const r = briefCusum([dry, dry, usual, dry], 0.5, { threshold: 2 });
    // 1.5 − 2.0226 < 0 → 0, then 0.75 from step 3.
    expect(r.statistic).toBeCloseTo(0.75);
    expect(r.since).toBe(3);
    expect(briefCusum([dry, usual], 0.5).since).toBeNull();
  });

  it('flags a drop too small for one window once enough days confirm it, not a steady normal person', () => {
    // 20 days of 2 meetings and 1 brief where 1 was expected: each day 0.75 − 1.386 < 0.
    expect(
      briefCusum(
        Array.from({ length: 20 }, () => ({ meetings: 2, briefs: 1 })),
        0.5,
      ).statistic,
    ).toBe(0);
    // 14 dry days reach 10.5 ≥ 10 (the default threshold); 13 do not (9.75).
    expect(
      briefCusum(
        Array.from({ length: 14 }, () => dry),
        0.5,
      ).flagged,
    ).toBe(true);
    expect(
      briefCusum(
        Array.from({ length: 13 }, () => dry),
        0.5,
      ).flagged,
    ).toBe(false);
  });

  it('expects briefs from the meeting pace of the trailing days, so a surge of meetings is not a shortfall', () => {
    // 89 days before of 1 meeting and (every other day) a brief, then 12 days of 6 meetings and 1 brief. By the
    // day's own count μ would be 0.5 × 6 = 3 and each day add 2.25 − ln 4 = 0.86 (10.4 after 12 days); by the pace
    // μ ≤ 0.5 × (78 + 72) / 90 = 0.83 and each day adds at most 0.625 − 1.386 < 0.
    const leadIn = Array.from({ length: BRIEF_EXPOSURE_DAYS - 1 }, (_, d) => ({ meetings: 1, briefs: d % 2 }));
    const surge = Array.from({ length: 12 }, () => ({ meetings: 6, briefs: 1 }));
    expect(briefCusum(surge, 0.5, { leadIn }).statistic).toBe(0);
    // Without the lead-in the pace is the surge's own: 6 a day, μ = 3, evidence 12 × 0.86 ≥ 10.
    expect(briefCusum(surge, 0.5).flagged).toBe(true);
  });

  it('reads only the last days of the lead-in, and a day without activity adds nothing', () => {
    // Lead-in of 89 days of 4 meetings: the first dry day's pace is (356 + 2) / 90, μ = 0.5 × 3.978 = 1.989.
    const busy = Array.from({ length: BRIEF_EXPOSURE_DAYS - 1 }, () => ({ meetings: 4, briefs: 2 }));
    const r = briefCusum([dry], 0.5, { leadIn: busy });
    expect(r.expected).toBeCloseTo((0.5 * 358) / 90);
    expect(r.statistic).toBeCloseTo(((0.5 * 358) / 90) * 0.75);
    // Days further back than the trailing 90 are not read.
    const longer = [...Array.from({ length: 30 }, () => ({ meetings: 50, briefs: 0 })), ...busy];
    expect(briefCusum([dry], 0.5, { leadIn: longer }).statistic).toBeCloseTo(r.statistic);
    // Idle days (a weekend) between dry days add no evidence and do not dilute the pace: 13 dry days stay at 9.75.
    const idle = { meetings: 0, briefs: 0 };
    const weeks = Array.from({ length: 13 }, () => [dry, idle]).flat();
    expect(briefCusum(weeks, 0.5).statistic).toBeCloseTo(9.75);
    expect(briefCusum(weeks, 0.5).expected).toBeCloseTo(13);
  });

  it('takes the baseline share shrunk toward the norm', () => {
    // (60 + 10 × 0.5) / (100 + 10).
    expect(baselineBriefShare({ baselineMeetings: 100, baselineBriefs: 60 })).toBeCloseTo(65 / 110);
  });
});
