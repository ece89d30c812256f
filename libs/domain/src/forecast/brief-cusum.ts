/** One step (a day) of a salesperson's work: meetings held and briefs completed. */
export interface BriefStep {
  readonly meetings: number;
  readonly briefs: number;
}

/** The drop the detector is built for and the evidence that flags it (see `BriefCusumOptions`). */
export const BRIEF_CUSUM_DEFAULTS = { shortfallRatio: 0.25, threshold: 10 } as const;

export interface BriefCusumOptions {
  /**
   * The drop the detector is built to catch: briefs at this share of what the person's own rate predicts
   * (default 0.25, i.e. three quarters of the briefs missing).
   */
  readonly shortfallRatio?: number;
  /** Evidence (natural log of the likelihood ratio) at which the person is flagged (default 10). */
  readonly threshold?: number;
}

export interface BriefCusum {
  /** The accumulated evidence of a shortfall at the last step (0 = none). */
  readonly statistic: number;
  readonly flagged: boolean;
  /** Index of the step where the current run of evidence began, `null` when the statistic is 0. */
  readonly since: number | null;
}

/**
 * A CUSUM of brief shortfall: each step's briefs are compared with its meetings times the person's own baseline
 * share (the expected briefs μ), as the log-likelihood ratio of a Poisson count at ρ·μ (the shortfall) against μ
 * (as before): μ·(1 − ρ) + briefs·ln ρ. The evidence adds up step by step and falls back to 0 when briefs come as
 * usual, so a drop too small to show in one window is flagged once enough steps confirm it, while a normal
 * person's evidence keeps resetting (under the normal rate the chance to ever reach the threshold h from a fresh
 * start is below e^−h).
 */
export function briefCusum(
  steps: readonly BriefStep[],
  baselineShare: number,
  options: BriefCusumOptions = {},
): BriefCusum {
  const rho = options.shortfallRatio ?? BRIEF_CUSUM_DEFAULTS.shortfallRatio;
  const threshold = options.threshold ?? BRIEF_CUSUM_DEFAULTS.threshold;
  const logRho = Math.log(rho);
  let statistic = 0;
  let since: number | null = null;
  for (let i = 0; i < steps.length; i++) {
    const expected = steps[i].meetings * baselineShare;
    statistic = Math.max(0, statistic + expected * (1 - rho) + steps[i].briefs * logRho);
    if (statistic === 0) since = null;
    else since ??= i;
  }
  return { statistic, flagged: statistic >= threshold, since };
}
