import { BRIEF_CUSUM_DEFAULTS, BRIEF_EXPOSURE_DAYS, BriefStep, briefCusum } from '../forecast/brief-cusum';
import { baselineBriefShare } from '../forecast/brief-shortfall';
import { AnalyticsError, AnalyticsErrorCode, assertCount, assertValidDate } from './analytics-error';
import type { BriefCusumRule } from './early-warning';
import { AnalyticsPeriod } from './period';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The CUSUM judges a person against their own share of briefs per meeting held in the 180 days before the watched
 * days, as bench/forecast/early-warning-measure.ts measures it (docs/forecast.md, "Early warnings measured"): long
 * enough to hold a few hundred meetings, recent enough to be the person's usual share. It is at least
 * `BRIEF_EXPOSURE_DAYS` − 1 long, so the lead-in of the meeting pace lies inside it.
 */
export const BRIEF_CUSUM_BASELINE_DAYS = 180;

/**
 * Seeded active by its migration: the last 90 days watched day by day at the detector's default evidence. No
 * minimum of prospects worked: a person with no meetings adds no evidence, so an idle one is never flagged by it.
 */
export const DEFAULT_BRIEF_CUSUM_RULE: BriefCusumRule = {
  kind: 'brief_cusum',
  id: 'brief_cusum',
  minProspectsWorked: 0,
  windowDays: 90,
  threshold: BRIEF_CUSUM_DEFAULTS.threshold,
};

export interface BriefCusumPeriods {
  /** The `BRIEF_CUSUM_BASELINE_DAYS` days right before the watched ones. */
  readonly baseline: AnalyticsPeriod;
  /** The rule's `windowDays` days ending at `now`; day i of the steps is `[from + i days, from + i + 1 days)`. */
  readonly watch: AnalyticsPeriod;
}

/** The periods a CUSUM rule of `windowDays` reads at `now` (passed in: the formulas never read the clock). */
export function briefCusumPeriods(windowDays: number, now: Date): BriefCusumPeriods {
  assertValidDate(now, 'now');
  const watchFrom = new Date(now.getTime() - windowDays * DAY_MS);
  return {
    baseline: { from: new Date(watchFrom.getTime() - BRIEF_CUSUM_BASELINE_DAYS * DAY_MS), to: watchFrom },
    watch: { from: watchFrom, to: now },
  };
}

/** One salesperson's meetings held and briefs completed over the periods of a CUSUM rule of `windowDays`. */
export interface SalespersonBriefSeries {
  readonly salespersonId: string;
  readonly windowDays: number;
  readonly baselineMeetings: number;
  readonly baselineBriefs: number;
  /** One step per watched day, oldest first (`windowDays` of them). */
  readonly steps: readonly BriefStep[];
  /**
   * The last `BRIEF_EXPOSURE_DAYS` − 1 days of the baseline, oldest first, one step each: the meeting pace of the
   * first watched days reaches back into them (see `briefCusum`).
   */
  readonly leadIn: readonly BriefStep[];
}

export interface BriefCusumEvidence {
  /** The person's own briefs per meeting held over the baseline, shrunk toward 50 % (see `baselineBriefShare`). */
  readonly baselineShare: number;
  /** Meetings held and briefs completed over the watched days. */
  readonly meetings: number;
  readonly briefs: number;
  /** The briefs the baseline share predicts for those days (share × meeting pace, summed over the active days). */
  readonly expectedBriefs: number;
  /** The accumulated evidence of a shortfall now, and the evidence that flags. */
  readonly statistic: number;
  readonly threshold: number;
  /** Start of the day the current run of evidence began; `null` when there is none. */
  readonly since: Date | null;
}

/** The CUSUM of one person's watched days against their own baseline share, flagged at the rule's threshold. */
export function judgeBriefCusum(
  series: SalespersonBriefSeries,
  threshold: number,
  watch: AnalyticsPeriod,
): { flagged: boolean; evidence: BriefCusumEvidence } {
  assertCount(series.baselineMeetings, 'baseline meetings');
  assertCount(series.baselineBriefs, 'baseline briefs');
  if (series.steps.length !== series.windowDays) {
    throw new AnalyticsError(AnalyticsErrorCode.InvalidInput, 'A brief series needs one step per watched day.', {
      salespersonId: series.salespersonId,
      steps: series.steps.length,
      windowDays: series.windowDays,
    });
  }
  if (series.leadIn.length !== BRIEF_EXPOSURE_DAYS - 1) {
    throw new AnalyticsError(
      AnalyticsErrorCode.InvalidInput,
      'A brief series needs the days before the watched ones.',
      {
        salespersonId: series.salespersonId,
        leadIn: series.leadIn.length,
        expected: BRIEF_EXPOSURE_DAYS - 1,
      },
    );
  }
  for (const step of series.leadIn) {
    assertCount(step.meetings, 'meetings of a day');
    assertCount(step.briefs, 'briefs of a day');
  }
  let [meetings, briefs] = [0, 0];
  for (const step of series.steps) {
    assertCount(step.meetings, 'meetings of a day');
    assertCount(step.briefs, 'briefs of a day');
    meetings += step.meetings;
    briefs += step.briefs;
  }
  const baselineShare = baselineBriefShare(series);
  const cusum = briefCusum(series.steps, baselineShare, { threshold, leadIn: series.leadIn });
  return {
    flagged: cusum.flagged,
    evidence: {
      baselineShare,
      meetings,
      briefs,
      expectedBriefs: cusum.expected,
      statistic: cusum.statistic,
      threshold,
      since: cusum.since === null ? null : new Date(watch.from.getTime() + cusum.since * DAY_MS),
    },
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** "briefs well below this person's usual share since 2026-11-02: evidence 12.3 of 10 (…)". */
export function briefCusumReason(e: BriefCusumEvidence, windowDays: number): string {
  const since = e.since === null ? '' : ` since ${day(e.since)}`;
  return (
    `briefs well below this person's usual share${since}: evidence ${e.statistic.toFixed(1)} of ${e.threshold}` +
    ` (${e.briefs} briefs from ${e.meetings} meetings held in the last ${windowDays} days, where their usual ${Math.round(e.baselineShare * 100)} %` +
    ` predicts ${e.expectedBriefs.toFixed(1)})`
  );
}
