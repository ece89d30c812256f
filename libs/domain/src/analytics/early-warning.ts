import { assertNever } from '../domain-error';
import {
  AnalyticsError,
  AnalyticsErrorCode,
  assertCount,
  assertNonNegative,
  assertValidDate,
  ratioOrNull,
} from './analytics-error';
import { BriefCusumEvidence, SalespersonBriefSeries, briefCusumReason, judgeBriefCusum } from './brief-cusum-warning';
import { AnalyticsPeriod } from './period';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "`minProspectsWorked` or more prospects worked and no brief in the last `windowDays` days." */
export interface ProspectsWithoutBriefRule {
  readonly kind: 'prospects_without_brief';
  readonly id: string;
  readonly minProspectsWorked: number;
  readonly windowDays: number;
}

/** "`minProspectsWorked` or more prospects worked and fewer than `minBriefsPerProspect` briefs per prospect." */
export interface BriefRateBelowRule {
  readonly kind: 'brief_rate_below';
  readonly id: string;
  readonly minProspectsWorked: number;
  readonly windowDays: number;
  readonly minBriefsPerProspect: number;
}

/**
 * "Briefs well below this person's own usual share": the brief CUSUM (forecast/brief-cusum.ts) over the last
 * `windowDays` days, day by day, against the person's share of the 180 days before times their meeting pace (see
 * brief-cusum-warning.ts), flagged once the evidence reaches `threshold`. It catches a drop the window rules miss (a person who still
 * writes a few briefs) without flagging a steady low performer.
 */
export interface BriefCusumRule {
  readonly kind: 'brief_cusum';
  readonly id: string;
  /** Judge only a person who worked this many prospects in the window (the seeded rule: 0, everyone). */
  readonly minProspectsWorked: number;
  readonly windowDays: number;
  readonly threshold: number;
}

export type EarlyWarningRule = ProspectsWithoutBriefRule | BriefRateBelowRule | BriefCusumRule;

/** The method's example: 20 companies worked and no brief in the last two months. */
export const DEFAULT_EARLY_WARNING_RULES: readonly EarlyWarningRule[] = [
  { kind: 'prospects_without_brief', id: 'prospects_without_brief', minProspectsWorked: 20, windowDays: 60 },
];

/**
 * Facts of one salesperson over the window `[now - windowDays, now)`. A service computes one set per distinct
 * window of the rules (see `earlyWarningWindows`); a rule only reads facts of its own window.
 */
export interface SalespersonWindowFacts {
  readonly salespersonId: string;
  readonly windowDays: number;
  readonly prospectsWorked: number;
  readonly briefs: number;
  /** The last brief ever filled by this salesperson, `null` if none. */
  readonly lastBriefAt: Date | null;
}

export interface EarlyWarningEvidence {
  readonly window: AnalyticsPeriod;
  readonly prospectsWorked: number;
  readonly briefs: number;
  readonly briefsPerProspect: number | null;
  readonly lastBriefAt: Date | null;
  /** Whole days since the last brief; `null` when there never was one. */
  readonly daysSinceLastBrief: number | null;
  /** The CUSUM's figures, for a `brief_cusum` rule only. */
  readonly cusum: BriefCusumEvidence | null;
}

export interface EarlyWarning {
  readonly salespersonId: string;
  readonly ruleId: string;
  readonly kind: EarlyWarningRule['kind'];
  readonly evidence: EarlyWarningEvidence;
  /** Why the person is flagged, in a sentence (English; a console words it from the evidence). */
  readonly reason: string;
}

/** The window a rule looks at, ending at `now` (passed in: the formulas never read the clock). */
export function earlyWarningWindow(windowDays: number, now: Date): AnalyticsPeriod {
  assertValidDate(now, 'now');
  return { from: new Date(now.getTime() - windowDays * DAY_MS), to: now };
}

/** The distinct windows the rules need facts for, shortest first. */
export function earlyWarningWindows(rules: readonly EarlyWarningRule[], now: Date): AnalyticsPeriod[] {
  const days = [...new Set(rules.map((rule) => rule.windowDays))].sort((a, b) => a - b);
  return days.map((windowDays) => earlyWarningWindow(windowDays, now));
}

function assertRule(rule: EarlyWarningRule): void {
  if (!Number.isInteger(rule.windowDays) || rule.windowDays <= 0) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `Rule ${rule.id} needs a window of 1 day or more.`, {
      ruleId: rule.id,
      windowDays: rule.windowDays,
    });
  }
  assertCount(rule.minProspectsWorked, `minProspectsWorked of rule ${rule.id}`);
  if (rule.kind === 'brief_rate_below')
    assertNonNegative(rule.minBriefsPerProspect, `minBriefsPerProspect of ${rule.id}`);
  if (rule.kind === 'brief_cusum' && !(Number.isFinite(rule.threshold) && rule.threshold > 0)) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, `Rule ${rule.id} needs a threshold above 0.`, {
      ruleId: rule.id,
      threshold: rule.threshold,
    });
  }
}

type WindowRule = Exclude<EarlyWarningRule, BriefCusumRule>;

function isFlagged(rule: WindowRule, facts: SalespersonWindowFacts, window: AnalyticsPeriod): boolean {
  switch (rule.kind) {
    case 'prospects_without_brief': {
      // Trust either signal of a brief in the window, so inconsistent facts never raise a false alarm.
      const lastInWindow = facts.lastBriefAt !== null && facts.lastBriefAt.getTime() >= window.from.getTime();
      return facts.briefs === 0 && !lastInWindow;
    }
    case 'brief_rate_below': {
      const rate = ratioOrNull(facts.briefs, facts.prospectsWorked);
      // No prospects worked means nothing to judge (only reachable when minProspectsWorked is 0).
      return rate !== null && rate < rule.minBriefsPerProspect;
    }
    default:
      return assertNever(rule, 'early-warning rule');
  }
}

const share = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/** The reason of a window rule's flag, in a sentence. */
function windowReason(rule: WindowRule, e: Omit<EarlyWarningEvidence, 'cusum'>): string {
  switch (rule.kind) {
    case 'prospects_without_brief': {
      const last =
        e.lastBriefAt === null
          ? 'never a brief'
          : `last brief ${e.lastBriefAt.toISOString().slice(0, 10)}, ${e.daysSinceLastBrief} days ago`;
      return `${e.prospectsWorked} prospects worked and no brief in the last ${rule.windowDays} days (${last})`;
    }
    case 'brief_rate_below':
      return (
        `${e.briefs} briefs from ${e.prospectsWorked} prospects worked in the last ${rule.windowDays} days:` +
        ` ${share(e.briefsPerProspect)} per prospect, under ${share(rule.minBriefsPerProspect)}`
      );
    default:
      return assertNever(rule, 'early-warning rule');
  }
}

/**
 * Salespeople flagged by each rule, with the evidence and the reason, in rule order then input order.
 * Facts whose window does not match a rule's are ignored by that rule. A `brief_cusum` rule also needs the
 * person's brief series of its window (`series`); a person without one is not judged by it.
 */
export function evaluateEarlyWarnings(
  rules: readonly EarlyWarningRule[],
  facts: readonly SalespersonWindowFacts[],
  now: Date,
  series: readonly SalespersonBriefSeries[] = [],
): EarlyWarning[] {
  assertValidDate(now, 'now');
  const seriesOf = new Map(series.map((s) => [`${s.salespersonId}:${s.windowDays}`, s]));
  const warnings: EarlyWarning[] = [];
  for (const rule of rules) {
    assertRule(rule);
    const window = earlyWarningWindow(rule.windowDays, now);
    for (const fact of facts) {
      if (fact.windowDays !== rule.windowDays) continue;
      assertCount(fact.prospectsWorked, 'prospects worked');
      assertCount(fact.briefs, 'briefs');
      if (fact.lastBriefAt !== null) assertValidDate(fact.lastBriefAt, 'last brief date');
      if (fact.prospectsWorked < rule.minProspectsWorked) continue;
      const evidence = {
        window,
        prospectsWorked: fact.prospectsWorked,
        briefs: fact.briefs,
        briefsPerProspect: ratioOrNull(fact.briefs, fact.prospectsWorked),
        lastBriefAt: fact.lastBriefAt,
        daysSinceLastBrief:
          fact.lastBriefAt === null
            ? null
            : Math.max(0, Math.floor((now.getTime() - fact.lastBriefAt.getTime()) / DAY_MS)),
      };
      const base = { salespersonId: fact.salespersonId, ruleId: rule.id, kind: rule.kind };
      if (rule.kind === 'brief_cusum') {
        const own = seriesOf.get(`${fact.salespersonId}:${rule.windowDays}`);
        if (!own) continue;
        const judged = judgeBriefCusum(own, rule.threshold, window);
        if (!judged.flagged) continue;
        warnings.push({
          ...base,
          evidence: { ...evidence, cusum: judged.evidence },
          reason: briefCusumReason(judged.evidence, rule.windowDays),
        });
      } else if (isFlagged(rule, fact, window)) {
        warnings.push({ ...base, evidence: { ...evidence, cusum: null }, reason: windowReason(rule, evidence) });
      }
    }
  }
  return warnings;
}
