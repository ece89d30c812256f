import { AnalyticsErrorCode } from './analytics-error';
import { lostByReason, stageConversions, summarizeFunnel } from './conversion';
import { AnalyticsStage } from './stages';

describe('stageConversions', () => {
  it('divides each stage by the one before it', () => {
    const conversions = stageConversions({
      sampling: 200,
      primary_contact: 80,
      needs_identification: 40,
      offer_formation: 20,
      offer_defence: 10,
      contract: 4,
    });
    expect(conversions.map((c) => [c.from, c.to, c.rate])).toEqual([
      ['sampling', 'primary_contact', 0.4],
      ['primary_contact', 'needs_identification', 0.5],
      ['needs_identification', 'offer_formation', 0.5],
      ['offer_formation', 'offer_defence', 0.5],
      ['offer_defence', 'contract', 0.4],
    ]);
  });

  it('gives null, never NaN or Infinity, when nobody reached the earlier stage', () => {
    const conversions = stageConversions({ sampling: 0, primary_contact: 3 });
    expect(conversions[0]).toEqual({
      from: 'sampling',
      to: 'primary_contact',
      fromCount: 0,
      toCount: 3,
      rate: null,
    });
    expect(conversions[1].rate).toBe(0);
  });

  it('handles an empty period: all counts missing', () => {
    expect(stageConversions({}).every((c) => c.rate === null && c.fromCount === 0)).toBe(true);
  });

  it('does not clamp rates above 1 in a calendar period', () => {
    expect(stageConversions({ offer_defence: 2, contract: 3 })[4].rate).toBe(1.5);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => stageConversions({ sampling: -1 })).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
    expect(() => stageConversions({ sampling: 1.5 })).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
  });
});

describe('lostByReason', () => {
  it('sums per reason with a stage breakdown, largest first', () => {
    const result = lostByReason([
      { stage: 'primary_contact', reason: 'no_budget', count: 2 },
      { stage: 'offer_defence', reason: 'competitor', count: 3 },
      { stage: 'offer_formation', reason: 'no_budget', count: 4 },
      { stage: 'primary_contact', reason: 'no_budget', count: 1 },
      { stage: 'needs_identification', reason: 'alpha', count: 3 },
    ]);
    expect(result.map((r) => [r.reason, r.total, r.share])).toEqual([
      ['no_budget', 7, 7 / 13],
      ['alpha', 3, 3 / 13],
      ['competitor', 3, 3 / 13],
    ]);
    expect(result[0].byStage).toEqual({
      sampling: 0,
      primary_contact: 3,
      needs_identification: 0,
      offer_formation: 4,
      offer_defence: 0,
      contract: 0,
    });
  });

  it('is empty for no rows, and share is null when every count is 0', () => {
    expect(lostByReason([])).toEqual([]);
    expect(lostByReason([{ stage: 'sampling', reason: 'x', count: 0 }])[0].share).toBeNull();
  });

  it('rejects an unknown stage string', () => {
    expect(() => lostByReason([{ stage: 'won' as AnalyticsStage, reason: 'x', count: 1 }])).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
  });
});

describe('summarizeFunnel', () => {
  it('summarises each stage with lost and conversion rates', () => {
    const summary = summarizeFunnel({ sampling: 100, primary_contact: 50, needs_identification: 20, contract: 0 }, [
      { stage: 'primary_contact', reason: 'no_budget', count: 10 },
      { stage: 'primary_contact', reason: 'competitor', count: 5 },
      { stage: 'sampling', reason: 'unreachable', count: 25 },
    ]);
    expect(summary[0]).toEqual({
      stage: 'sampling',
      reached: 100,
      lost: 25,
      lostRate: 0.25,
      conversionToNext: 0.5,
      conversionFromStart: 1,
    });
    expect(summary[1]).toEqual({
      stage: 'primary_contact',
      reached: 50,
      lost: 15,
      lostRate: 0.3,
      conversionToNext: 0.4,
      conversionFromStart: 0.5,
    });
    expect(summary[3]).toEqual({
      stage: 'offer_formation',
      reached: 0,
      lost: 0,
      lostRate: null,
      conversionToNext: null,
      conversionFromStart: 0,
    });
    // The last stage has no next stage.
    expect(summary[5].conversionToNext).toBeNull();
  });

  it('is all zeros and nulls for an empty period', () => {
    const summary = summarizeFunnel({}, []);
    expect(summary).toHaveLength(6);
    for (const line of summary) {
      expect(line).toMatchObject({ reached: 0, lost: 0, lostRate: null, conversionToNext: null });
      expect(line.conversionFromStart).toBeNull();
    }
  });
});
