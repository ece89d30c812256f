import { AnalyticsErrorCode } from './analytics-error';
import { COHORT_LATER_STAGES, CohortProspect, cohortTable, cohortTableFromCounts } from './cohort';

const prospects: CohortProspect[] = [
  { cohortMonth: '2026-02', furthestStage: 'primary_contact' },
  { cohortMonth: '2026-01', furthestStage: 'contract' },
  { cohortMonth: '2026-01', furthestStage: 'offer_formation' },
  { cohortMonth: '2026-01', furthestStage: 'primary_contact' },
  { cohortMonth: '2026-01', furthestStage: 'needs_identification' },
  { cohortMonth: '2026-02', furthestStage: 'offer_defence' },
];

describe('cohortTable', () => {
  it('reports the stages after primary contact', () => {
    expect(COHORT_LATER_STAGES).toEqual(['needs_identification', 'offer_formation', 'offer_defence', 'contract']);
  });

  it('counts, per entry month, the prospects that reached each later stage by now', () => {
    const [jan, feb] = cohortTable(prospects);
    expect(jan).toEqual({
      cohortMonth: '2026-01',
      entered: 4,
      reached: { needs_identification: 3, offer_formation: 2, offer_defence: 1, contract: 1 },
      rates: { needs_identification: 0.75, offer_formation: 0.5, offer_defence: 0.25, contract: 0.25 },
    });
    expect(feb).toEqual({
      cohortMonth: '2026-02',
      entered: 2,
      reached: { needs_identification: 1, offer_formation: 1, offer_defence: 1, contract: 0 },
      rates: { needs_identification: 0.5, offer_formation: 0.5, offer_defence: 0.5, contract: 0 },
    });
  });

  it('lists empty months of a range with null rates and drops prospects outside it', () => {
    const rows = cohortTable(prospects, { fromMonth: '2026-02', toMonth: '2026-04' });
    expect(rows.map((r) => [r.cohortMonth, r.entered])).toEqual([
      ['2026-02', 2],
      ['2026-03', 0],
      ['2026-04', 0],
    ]);
    expect(rows[1].reached).toEqual({ needs_identification: 0, offer_formation: 0, offer_defence: 0, contract: 0 });
    expect(rows[1].rates).toEqual({
      needs_identification: null,
      offer_formation: null,
      offer_defence: null,
      contract: null,
    });
  });

  it('is empty without prospects and without a range', () => {
    expect(cohortTable([])).toEqual([]);
  });

  it('rejects a cohort prospect that never reached primary contact, a bad month or half a range', () => {
    const invalid = expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput });
    expect(() => cohortTable([{ cohortMonth: '2026-01', furthestStage: 'sampling' }])).toThrow(invalid);
    expect(() => cohortTable([{ cohortMonth: '2026-1', furthestStage: 'contract' }])).toThrow(invalid);
    expect(() => cohortTable([], { fromMonth: '2026-01' })).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidPeriod }),
    );
  });
});

describe('cohortTableFromCounts', () => {
  it('gives the same table as the per-prospect form', () => {
    const counts = [
      { cohortMonth: '2026-01', furthestStage: 'contract' as const, count: 1 },
      { cohortMonth: '2026-01', furthestStage: 'offer_formation' as const, count: 1 },
      { cohortMonth: '2026-01', furthestStage: 'primary_contact' as const, count: 1 },
      { cohortMonth: '2026-01', furthestStage: 'needs_identification' as const, count: 1 },
      { cohortMonth: '2026-02', furthestStage: 'primary_contact' as const, count: 1 },
      { cohortMonth: '2026-02', furthestStage: 'offer_defence' as const, count: 1 },
    ];
    expect(cohortTableFromCounts(counts)).toEqual(cohortTable(prospects));
  });

  it('sums grouped counts: 10 entered, 4 reached the brief stage, 1 signed', () => {
    const [row] = cohortTableFromCounts([
      { cohortMonth: '2026-03', furthestStage: 'primary_contact', count: 6 },
      { cohortMonth: '2026-03', furthestStage: 'needs_identification', count: 3 },
      { cohortMonth: '2026-03', furthestStage: 'contract', count: 1 },
    ]);
    expect(row.entered).toBe(10);
    expect(row.reached).toEqual({ needs_identification: 4, offer_formation: 1, offer_defence: 1, contract: 1 });
    expect(row.rates.needs_identification).toBeCloseTo(0.4);
  });

  it('answers an empty range with zero rows and null rates, never NaN', () => {
    expect(cohortTableFromCounts([], { fromMonth: '2026-05', toMonth: '2026-05' })).toEqual([
      {
        cohortMonth: '2026-05',
        entered: 0,
        reached: { needs_identification: 0, offer_formation: 0, offer_defence: 0, contract: 0 },
        rates: { needs_identification: null, offer_formation: null, offer_defence: null, contract: null },
      },
    ]);
  });

  it('refuses a negative count', () => {
    expect(() => cohortTableFromCounts([{ cohortMonth: '2026-03', furthestStage: 'contract', count: -1 }])).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
  });
});
