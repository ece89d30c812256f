import { briefShortfall } from './brief-shortfall';
import { poissonCdf } from './random';

describe('brief shortfall detector', () => {
  it('expects the meetings times the own earlier share shrunk toward the norm', () => {
    // (60 + 10 × 0.5) / (100 + 10) = 65 / 110 of 40 meetings.
    const r = briefShortfall({ meetings: 40, briefs: 20, baselineMeetings: 100, baselineBriefs: 60 });
    expect(r.expectedBriefs).toBeCloseTo((40 * 65) / 110);
    expect(r.pValue).toBeCloseTo(poissonCdf(20, (40 * 65) / 110));
    expect(r.flagged).toBe(false);
  });

  it('flags a sudden drop and not a steady low share or a thin window', () => {
    expect(briefShortfall({ meetings: 40, briefs: 2, baselineMeetings: 200, baselineBriefs: 120 }).flagged).toBe(true);
    expect(briefShortfall({ meetings: 40, briefs: 12, baselineMeetings: 200, baselineBriefs: 60 }).flagged).toBe(false);
    expect(briefShortfall({ meetings: 10, briefs: 0, baselineMeetings: 200, baselineBriefs: 120 }).flagged).toBe(false);
  });
});

describe('poisson tail', () => {
  it('sums the probabilities up to k', () => {
    expect(poissonCdf(0, 2)).toBeCloseTo(Math.exp(-2));
    expect(poissonCdf(1, 2)).toBeCloseTo(3 * Math.exp(-2));
    expect(poissonCdf(-1, 2)).toBe(0);
  });
});
