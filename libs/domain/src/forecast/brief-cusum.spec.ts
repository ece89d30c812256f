import { briefCusum } from './brief-cusum';
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

  it('takes the baseline share shrunk toward the norm', () => {
    // (60 + 10 × 0.5) / (100 + 10).
    expect(baselineBriefShare({ baselineMeetings: 100, baselineBriefs: 60 })).toBeCloseTo(65 / 110);
  });
});
