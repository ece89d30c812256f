import { AnalyticsErrorCode } from './analytics-error';
import {
  DEFAULT_EARLY_WARNING_RULES,
  EarlyWarningRule,
  SalespersonWindowFacts,
  earlyWarningWindows,
  evaluateEarlyWarnings,
} from './early-warning';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);

const facts: SalespersonWindowFacts[] = [
  // 20 prospects, no brief for 100 days: the method's example.
  { salespersonId: 'ann', windowDays: 60, prospectsWorked: 20, briefs: 0, lastBriefAt: daysAgo(100) },
  // 19 prospects: under the threshold.
  { salespersonId: 'bob', windowDays: 60, prospectsWorked: 19, briefs: 0, lastBriefAt: null },
  // Never filled a brief.
  { salespersonId: 'cat', windowDays: 60, prospectsWorked: 25, briefs: 0, lastBriefAt: null },
  // Has a brief in the window.
  { salespersonId: 'dan', windowDays: 60, prospectsWorked: 30, briefs: 1, lastBriefAt: daysAgo(10) },
  // Facts for another window are ignored by a 60-day rule.
  { salespersonId: 'eve', windowDays: 30, prospectsWorked: 40, briefs: 0, lastBriefAt: null },
];

describe('evaluateEarlyWarnings', () => {
  it('flags N or more prospects worked with no brief in M days, with evidence', () => {
    const warnings = evaluateEarlyWarnings(DEFAULT_EARLY_WARNING_RULES, facts, now);
    expect(warnings.map((w) => w.salespersonId)).toEqual(['ann', 'cat']);
    expect(warnings[0]).toEqual({
      salespersonId: 'ann',
      ruleId: 'prospects_without_brief',
      kind: 'prospects_without_brief',
      evidence: {
        window: { from: daysAgo(60), to: now },
        prospectsWorked: 20,
        briefs: 0,
        briefsPerProspect: 0,
        lastBriefAt: daysAgo(100),
        daysSinceLastBrief: 100,
        cusum: null,
      },
      reason: '20 prospects worked and no brief in the last 60 days (last brief 2026-03-22, 100 days ago)',
    });
    expect(warnings[1].evidence.daysSinceLastBrief).toBeNull();
  });

  it('does not flag when the last brief falls inside the window even if the count says 0', () => {
    const inconsistent = { ...facts[0], lastBriefAt: daysAgo(59) };
    expect(evaluateEarlyWarnings(DEFAULT_EARLY_WARNING_RULES, [inconsistent], now)).toEqual([]);
  });

  it('flags a brief rate below the configured minimum', () => {
    const rules: EarlyWarningRule[] = [
      { kind: 'brief_rate_below', id: 'few-briefs', minProspectsWorked: 10, windowDays: 60, minBriefsPerProspect: 0.1 },
    ];
    const warnings = evaluateEarlyWarnings(
      rules,
      [
        { salespersonId: 'ann', windowDays: 60, prospectsWorked: 30, briefs: 2, lastBriefAt: daysAgo(5) },
        { salespersonId: 'bob', windowDays: 60, prospectsWorked: 30, briefs: 3, lastBriefAt: daysAgo(5) },
        { salespersonId: 'cat', windowDays: 60, prospectsWorked: 5, briefs: 0, lastBriefAt: null },
      ],
      now,
    );
    expect(warnings.map((w) => [w.salespersonId, w.ruleId, w.evidence.briefsPerProspect])).toEqual([
      ['ann', 'few-briefs', 2 / 30],
    ]);
    expect(warnings[0].reason).toBe(
      '2 briefs from 30 prospects worked in the last 60 days: 0.07 per prospect, under 0.10',
    );
  });

  it('never flags over zero prospects, even with a threshold of 0', () => {
    const rules: EarlyWarningRule[] = [
      { kind: 'brief_rate_below', id: 'r', minProspectsWorked: 0, windowDays: 60, minBriefsPerProspect: 0.5 },
    ];
    const idle = { salespersonId: 'x', windowDays: 60, prospectsWorked: 0, briefs: 0, lastBriefAt: null };
    expect(evaluateEarlyWarnings(rules, [idle], now)).toEqual([]);
  });

  it('is empty without facts or rules', () => {
    expect(evaluateEarlyWarnings(DEFAULT_EARLY_WARNING_RULES, [], now)).toEqual([]);
    expect(evaluateEarlyWarnings([], facts, now)).toEqual([]);
  });

  it('rejects a rule without a window', () => {
    const rules: EarlyWarningRule[] = [
      { kind: 'prospects_without_brief', id: 'r', minProspectsWorked: 1, windowDays: 0 },
    ];
    expect(() => evaluateEarlyWarnings(rules, facts, now)).toThrow(
      expect.objectContaining({ code: AnalyticsErrorCode.InvalidInput }),
    );
  });
});

describe('earlyWarningWindows', () => {
  it('lists the distinct windows ending now, shortest first', () => {
    const rules: EarlyWarningRule[] = [
      { kind: 'prospects_without_brief', id: 'a', minProspectsWorked: 20, windowDays: 60 },
      { kind: 'brief_rate_below', id: 'b', minProspectsWorked: 5, windowDays: 30, minBriefsPerProspect: 0.2 },
      { kind: 'brief_rate_below', id: 'c', minProspectsWorked: 5, windowDays: 60, minBriefsPerProspect: 0.2 },
    ];
    expect(earlyWarningWindows(rules, now)).toEqual([
      { from: daysAgo(30), to: now },
      { from: daysAgo(60), to: now },
    ]);
  });
});
