import { AnalyticsErrorCode } from './analytics-error';
import { comparePlanFact, planFactRow, totalPlanFact } from './plan-fact';

describe('planFactRow', () => {
  it.each([
    [10, 12, 2, 120],
    [10, 5, -5, 50],
    [4, 0, -4, 0],
    [0, 3, 3, null],
    [0, 0, 0, null],
  ])('plan %d, fact %d -> variance %d, percent %s', (plan, fact, variance, percent) => {
    expect(planFactRow('p1', 'offer_formation', plan, fact)).toEqual({
      key: 'p1',
      stage: 'offer_formation',
      plan,
      fact,
      variance,
      percentOfPlan: percent,
    });
  });

  it('rejects negative counts', () => {
    expect(() => planFactRow('p1', 'contract', -1, 0)).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
  });
});

describe('comparePlanFact', () => {
  it('pairs plan and fact per key and stage, filling gaps with 0 and summing duplicates', () => {
    const rows = comparePlanFact(
      [
        { key: 'bob', stage: 'needs_identification', count: 10 },
        { key: 'ann', stage: 'needs_identification', count: 8 },
        { key: 'ann', stage: 'primary_contact', count: 40 },
        { key: 'ann', stage: 'primary_contact', count: 5 },
      ],
      [
        { key: 'ann', stage: 'primary_contact', count: 36 },
        { key: 'ann', stage: 'needs_identification', count: 10 },
        { key: 'cat', stage: 'primary_contact', count: 7 },
      ],
      { stages: ['needs_identification', 'primary_contact'] },
    );
    expect(rows.map((r) => [r.key, r.stage, r.plan, r.fact, r.variance, r.percentOfPlan])).toEqual([
      ['ann', 'primary_contact', 45, 36, -9, 80],
      ['ann', 'needs_identification', 8, 10, 2, 125],
      ['bob', 'primary_contact', 0, 0, 0, null],
      ['bob', 'needs_identification', 10, 0, -10, 0],
      ['cat', 'primary_contact', 0, 7, 7, null],
      ['cat', 'needs_identification', 0, 0, 0, null],
    ]);
  });

  it('reports all six stages by default and nothing for an empty period', () => {
    expect(comparePlanFact([{ key: 'u1', stage: 'contract', count: 1 }], [])).toHaveLength(6);
    expect(comparePlanFact([], [])).toEqual([]);
  });
});

describe('totalPlanFact', () => {
  it('totals per stage across keys and recomputes the percent', () => {
    const rows = comparePlanFact(
      [
        { key: 'ann', stage: 'contract', count: 2 },
        { key: 'bob', stage: 'contract', count: 2 },
      ],
      [{ key: 'ann', stage: 'contract', count: 3 }],
      { stages: ['contract'] },
    );
    expect(totalPlanFact(rows, 'unit-7')).toEqual([
      { key: 'unit-7', stage: 'contract', plan: 4, fact: 3, variance: -1, percentOfPlan: 75 },
    ]);
    expect(totalPlanFact([])).toEqual([]);
  });
});
