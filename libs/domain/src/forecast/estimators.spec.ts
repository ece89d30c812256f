import { estimateHazards } from './hazards';
import { advanceChance, arrivalCurves, signingCurve, tiltedHazard } from './propagate';
import { betaBinomialStrength, shrinkRate } from './shrinkage';
import { Stay } from './transition-log';

const DAY = 86400000;
// cycleMinDays 30 gives bins of one day.
const LINE = { id: 'pl', cycleMinDays: 30, cycleMaxDays: 60 };
const stay = (days: number, outcome: Stay['outcome']): Stay => ({
  prospectId: 'x',
  stage: 'contract',
  productLineId: 'pl',
  unitId: 'u',
  ownerId: 's',
  enteredAt: 0,
  endedAt: days * DAY,
  outcome,
  valueMinor: null,
});

describe('life-table hazards', () => {
  it('counts deals at risk per bin with open stays censored, smoothed toward the stage average', () => {
    // Bin 0: all 6 at risk, 1 advanced, 1 lost. Bin 1: 3 at risk (the open stay left after completing bin 0),
    // 2 advanced. Bin 2: 1 at risk, lost.
    const stays = [
      stay(0, 'advance'),
      stay(0, 'lost'),
      stay(1, 'advance'),
      stay(1, 'advance'),
      stay(1, 'open'),
      stay(2, 'lost'),
    ];
    const h = estimateHazards(stays, [LINE]).get('pl|contract')!;
    expect(h.binDays).toBe(1);
    // Totals: at risk 6 + 3 + 1 = 10, advanced 3, lost 2; prior weight 3 toward 3/10 and 2/10.
    expect(h.advance[0]).toBeCloseTo((1 + 3 * 0.3) / (6 + 3));
    expect(h.loss[0]).toBeCloseTo((1 + 3 * 0.2) / (6 + 3));
    expect(h.advance[1]).toBeCloseTo((2 + 3 * 0.3) / (3 + 3));
    expect(h.loss[1]).toBeCloseTo((0 + 3 * 0.2) / (3 + 3));
    // Bin 2 has 1 deal at risk (< 3): carries bin 1 forward.
    expect(h.advance[2]).toBeCloseTo(h.advance[1]);
  });
});

describe('beta-binomial shrinkage', () => {
  it('pools fully when groups differ no more than chance, and shrinks by (a + m·p) / (n + m)', () => {
    expect(
      betaBinomialStrength([
        { advanced: 5, total: 10 },
        { advanced: 5, total: 10 },
      ]),
    ).toBe(1000);
    // Rates 0.3 and 0.7 over 50 each: p = 0.5, spread 0.04, binomial part 0.25·2/100 = 0.005, τ² = 0.035.
    expect(
      betaBinomialStrength([
        { advanced: 15, total: 50 },
        { advanced: 35, total: 50 },
      ]),
    ).toBeCloseTo(0.25 / 0.035 - 1);
    expect(shrinkRate({ advanced: 2, total: 10 }, 0.5, 10)).toBeCloseTo(7 / 20);
  });
});

describe('signing curves', () => {
  it('tilts the advance share by an odds ratio and keeps the exit chance', () => {
    const [a, l] = tiltedHazard(0.2, 0.2, 3);
    expect(a + l).toBeCloseTo(0.4);
    expect(a / (a + l)).toBeCloseTo(0.75);
  });

  it('pushes a deal through two stages of constant hazards', () => {
    const constant = (adv: number, loss: number) => ({
      binDays: 1,
      advance: new Float64Array(5).fill(adv),
      loss: new Float64Array(5).fill(loss),
    });
    // Stage 1 advances half the deals each bin, never loses; stage 2 signs a quarter, loses a quarter.
    const curve = signingCurve([constant(0.5, 0), constant(0.25, 0.25)], 0, 0, [1, 1], 3);
    // Bin 0: half enter stage 2 (nothing signs yet). Bin 1: 0.5·0.25 sign; another 0.25 enter stage 2.
    // Bin 2: (0.5·0.5 + 0.25)·0.25 sign.
    expect(Array.from(curve)).toEqual([0, 0.125, expect.closeTo(0.125, 10)]);
    // Stage 2 alone finishes with a result half the time: 0.25 / (0.25 + 0.25).
    expect(advanceChance(constant(0.25, 0.25), 1)).toBeCloseTo(0.5, 4);
  });

  it('gives the arrival at each later stage beside the signing', () => {
    const constant = (adv: number, loss: number) => ({
      binDays: 1,
      advance: new Float64Array(5).fill(adv),
      loss: new Float64Array(5).fill(loss),
    });
    const curves = arrivalCurves([constant(0.5, 0), constant(0.25, 0.25)], 0, 0, [1, 1], 3);
    // Nothing arrives at the stage it is in; stage 2 receives half of what is left in stage 1 each bin.
    expect(curves.map((c) => Array.from(c))).toEqual([
      [0, 0, 0],
      [0.5, 0.25, 0.125],
      [0, 0.125, expect.closeTo(0.125, 10)],
    ]);
    expect(curves[2]).toEqual(signingCurve([constant(0.5, 0), constant(0.25, 0.25)], 0, 0, [1, 1], 3));
  });
});
