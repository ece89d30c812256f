import { BRIEF_EXPOSURE_DAYS } from '../forecast/brief-cusum';
import {
  BRIEF_CUSUM_BASELINE_DAYS,
  DEFAULT_BRIEF_CUSUM_RULE,
  SalespersonBriefSeries,
  briefCusumPeriods,
} from './brief-cusum-warning';
import { BriefCusumRule, SalespersonWindowFacts, evaluateEarlyWarnings } from './early-warning';

const DAY = 24 * 60 * 60 * 1000;
const now = new Date('2026-06-30T12:00:00Z');
const rule: BriefCusumRule = { kind: 'brief_cusum', id: 'cusum', minProspectsWorked: 0, windowDays: 3, threshold: 2 };
const facts = (salespersonId: string, prospectsWorked = 6): SalespersonWindowFacts => ({
  salespersonId,
  windowDays: 3,
  prospectsWorked,
  briefs: 0,
  lastBriefAt: null,
});
// Baseline 45 briefs from 90 meetings, shrunk toward 50 % with 10 meetings: (45 + 5) / (90 + 10) = 0.5 exactly;
// its last 89 days held 2 meetings each, as the watched days do, so the pace is 2 a day.
const series = (salespersonId: string, briefsPerDay: number, baselineBriefs = 45): SalespersonBriefSeries => ({
  salespersonId,
  windowDays: 3,
  baselineMeetings: 90,
  baselineBriefs,
  steps: Array.from({ length: 3 }, () => ({ meetings: 2, briefs: briefsPerDay })),
  leadIn: Array.from({ length: BRIEF_EXPOSURE_DAYS - 1 }, () => ({ meetings: 2, briefs: 1 })),
});

describe('brief CUSUM early warning', () => {
  it('flags a person whose briefs stop, with the evidence and a reason, and not a normal one', () => {
    // Ann: 2 meetings a day, no brief: each day adds 2 × 0.5 × (1 − 0.25) = 0.75, 2.25 after 3 days ≥ 2.
    // Bob: 1 brief a day as usual: 0.75 + ln 0.25 = −0.64 each day, back to 0.
    const warnings = evaluateEarlyWarnings([rule], [facts('ann'), facts('bob')], now, [
      series('ann', 0),
      series('bob', 1),
    ]);
    expect(warnings).toHaveLength(1);
    const [w] = warnings;
    expect(w).toMatchObject({ salespersonId: 'ann', ruleId: 'cusum', kind: 'brief_cusum' });
    expect(w.evidence.window).toEqual({ from: new Date(now.getTime() - 3 * DAY), to: now });
    expect(w.evidence.cusum).toEqual({
      baselineShare: 0.5,
      meetings: 6,
      briefs: 0,
      expectedBriefs: 3,
      statistic: 2.25,
      threshold: 2,
      since: new Date('2026-06-27T12:00:00Z'),
    });
    expect(w.reason).toBe(
      "briefs well below this person's usual share since 2026-06-27: evidence 2.3 of 2" +
        ' (0 briefs from 6 meetings held in the last 3 days, where their usual 50 % predicts 3.0)',
    );
  });

  it('expects the briefs of the meeting pace, reaching into the baseline’s last days', () => {
    // The baseline's last 89 days held 6 meetings each: the first dry day's pace is (534 + 2) / 90, μ = 2.98, and
    // it adds 2.23 ≥ 2 on its own (by that day's 2 meetings it would add 0.75).
    const busy = { ...series('ann', 0), leadIn: series('ann', 0).leadIn.map(() => ({ meetings: 6, briefs: 3 })) };
    const [w] = evaluateEarlyWarnings([rule], [facts('ann')], now, [busy]);
    expect(w.evidence.cusum?.since).toEqual(new Date('2026-06-27T12:00:00Z'));
    expect(w.evidence.cusum?.expectedBriefs).toBeCloseTo(0.5 * (536 / 90 + 532 / 90 + 528 / 90));
  });

  it('judges against the person’s own share, so a steady low performer is not flagged', () => {
    // Baseline 5 of 90, shrunk: 10 / 100 = 0.1; expected 0.2 a day, so 3 dry days add only 0.45.
    const low = series('cat', 0, 5);
    expect(evaluateEarlyWarnings([rule], [facts('cat')], now, [low])).toEqual([]);
  });

  it('skips a person under the rule’s minimum of prospects worked, or without a series', () => {
    const strict = { ...rule, minProspectsWorked: 7 };
    expect(evaluateEarlyWarnings([strict], [facts('ann')], now, [series('ann', 0)])).toEqual([]);
    expect(evaluateEarlyWarnings([rule], [facts('ann')], now, [])).toEqual([]);
  });

  it('refuses a series without one step per watched day or without the lead-in, and a threshold of 0', () => {
    const short = { ...series('ann', 0), steps: [{ meetings: 1, briefs: 0 }] };
    expect(() => evaluateEarlyWarnings([rule], [facts('ann')], now, [short])).toThrow(/one step per watched day/);
    const noLeadIn = { ...series('ann', 0), leadIn: [] };
    expect(() => evaluateEarlyWarnings([rule], [facts('ann')], now, [noLeadIn])).toThrow(/days before the watched/);
    expect(() => evaluateEarlyWarnings([{ ...rule, threshold: 0 }], [], now)).toThrow(/threshold above 0/);
  });

  it('reads the 180 days before the watched ones as the baseline; the seeded rule watches 90 days at 10', () => {
    const p = briefCusumPeriods(90, now);
    expect(p.watch).toEqual({ from: new Date(now.getTime() - 90 * DAY), to: now });
    expect(p.baseline).toEqual({
      from: new Date(now.getTime() - (90 + BRIEF_CUSUM_BASELINE_DAYS) * DAY),
      to: p.watch.from,
    });
    expect(DEFAULT_BRIEF_CUSUM_RULE).toEqual({
      kind: 'brief_cusum',
      id: 'brief_cusum',
      minProspectsWorked: 0,
      windowDays: 90,
      threshold: 10,
    });
  });
});
