/** One step (a day) of a salesperson's work: meetings held and briefs completed. */
export interface BriefStep {
  readonly meetings: number;
  readonly briefs: number;
}

/** The drop the detector is built for and the evidence that flags it (see `BriefCusumOptions`). */
export const BRIEF_CUSUM_DEFAULTS = { shortfallRatio: 0.25, threshold: 10 } as const;

/**
 * The days over which a person's meeting pace is averaged to give each day's expected briefs: a brief follows its
 * meeting by the needs stage of the deal (weeks on short lines, months on long ones), so the briefs of a day come
 * from the meetings of the weeks before it, not from that day's. A quarter, the length the seeded rule watches.
 */
export const BRIEF_EXPOSURE_DAYS = 90;

export interface BriefCusumOptions {
  /**
   * The drop the detector is built to catch: briefs at this share of what the person's own rate predicts
   * (default 0.25, i.e. three quarters of the briefs missing).
   */
  readonly shortfallRatio?: number;
  /** Evidence (natural log of the likelihood ratio) at which the person is flagged (default 10). */
  readonly threshold?: number;
  /**
   * The days right before the first step, oldest first, for the pace of the first steps (only the last
   * `BRIEF_EXPOSURE_DAYS` − 1 are read; missing days count as days without activity).
   */
  readonly leadIn?: readonly BriefStep[];
}

export interface BriefCusum {
  /** The accumulated evidence of a shortfall at the last step (0 = none). */
  readonly statistic: number;
  readonly flagged: boolean;
  /** Index of the step where the current run of evidence began, `null` when the statistic is 0. */
  readonly since: number | null;
  /** The briefs expected over all the steps (the sum of each step's μ). */
  readonly expected: number;
}

/**
 * A CUSUM of brief shortfall: each step's briefs are compared with the briefs the person's own baseline share
 * predicts (μ), as the log-likelihood ratio of a Poisson count at ρ·μ (the shortfall) against μ (as before):
 * μ·(1 − ρ) + briefs·ln ρ. μ is the baseline share times the person's meetings per active day over the
 * `BRIEF_EXPOSURE_DAYS` days ending at the step (an active day holds a meeting or a brief), and 0 on a day without
 * activity (a weekend, a holiday: no briefs were due). Why not the step's own meetings: the briefs of a day come from
 * earlier meetings, so weighing them against that day's count adds the count's noise to μ; e^(μ(1−ρ)) then grows
 * faster than the briefs' ρ^briefs shrinks, the bound below fails, and under seasonal swings briefs lag the meetings
 * they are judged against (on the synthetic company with half its deals on a 1.5-2 year line, 12 % of normal
 * salespeople were flagged that way).
 * The evidence adds up step by step and falls back to 0 when briefs come as usual, so a drop too small to show in
 * one window is flagged once enough steps confirm it, while a normal person's evidence keeps resetting: under the
 * normal rate the average run to a false flag is at least e^h steps (Lorden), so a person watched T days is ever
 * flagged with a chance of about T·e^−h at most (1,400 days at h = 10: 6.4 %).
 */
export function briefCusum(
  steps: readonly BriefStep[],
  baselineShare: number,
  options: BriefCusumOptions = {},
): BriefCusum {
  const rho = options.shortfallRatio ?? BRIEF_CUSUM_DEFAULTS.shortfallRatio;
  const threshold = options.threshold ?? BRIEF_CUSUM_DEFAULTS.threshold;
  const logRho = Math.log(rho);
  const leadIn = (options.leadIn ?? []).slice(-(BRIEF_EXPOSURE_DAYS - 1));
  const days = [...Array.from({ length: BRIEF_EXPOSURE_DAYS - 1 - leadIn.length }, () => IDLE), ...leadIn, ...steps];
  const offset = BRIEF_EXPOSURE_DAYS - 1;
  // The meetings and active days of the trailing BRIEF_EXPOSURE_DAYS, kept as running sums.
  let [meetings, active] = [0, 0];
  for (let d = 0; d < offset; d++) [meetings, active] = [meetings + days[d].meetings, active + activity(days[d])];
  let [statistic, expected] = [0, 0];
  let since: number | null = null;
  for (let i = 0; i < steps.length; i++) {
    const today = days[offset + i];
    [meetings, active] = [meetings + today.meetings, active + activity(today)];
    const mu = activity(today) ? (baselineShare * meetings) / active : 0;
    expected += mu;
    statistic = Math.max(0, statistic + mu * (1 - rho) + today.briefs * logRho);
    if (statistic === 0) since = null;
    else since ??= i;
    const leaving = days[i];
    [meetings, active] = [meetings - leaving.meetings, active - activity(leaving)];
  }
  return { statistic, flagged: statistic >= threshold, since, expected };
}

const IDLE: BriefStep = { meetings: 0, briefs: 0 };
const activity = (d: BriefStep) => (d.meetings + d.briefs > 0 ? 1 : 0);
