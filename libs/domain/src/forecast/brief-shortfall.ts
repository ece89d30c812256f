import { poissonCdf } from './random';

/** A salesperson's meetings and briefs in a recent window and in the baseline window before it. */
export interface BriefShortfallFacts {
  readonly meetings: number;
  readonly briefs: number;
  readonly baselineMeetings: number;
  readonly baselineBriefs: number;
}

export interface BriefShortfallOptions {
  /** Flag when briefs this low would happen by chance less often than this (default 1e-6). */
  readonly pValue?: number;
  /** Fewer meetings than this in the window judge nothing (default 15). */
  readonly minMeetings?: number;
  /** The norm the baseline share is shrunk toward, and the weight (in meetings) of that prior. */
  readonly priorShare?: number;
  readonly priorWeight?: number;
}

export interface BriefShortfall {
  readonly flagged: boolean;
  readonly expectedBriefs: number;
  readonly pValue: number;
}

/**
 * A detector of a salesperson who keeps meeting companies but stops producing briefs: the briefs of the recent
 * window against what their own earlier share (shrunk toward the norm) predicts for the meetings of the window,
 * flagged when a count that low is very unlikely by chance (one-sided Poisson test). It judges the person against
 * themselves, so a steady low performer is not flagged every week while a sudden drop is flagged within weeks.
 */
export function briefShortfall(facts: BriefShortfallFacts, options: BriefShortfallOptions = {}): BriefShortfall {
  const share = baselineBriefShare(facts, options);
  const expectedBriefs = facts.meetings * share;
  const pValue = poissonCdf(facts.briefs, expectedBriefs);
  const flagged = facts.meetings >= (options.minMeetings ?? 15) && pValue < (options.pValue ?? 1e-6);
  return { flagged, expectedBriefs, pValue };
}

/** A person's own briefs per meeting over the baseline window, shrunk toward the norm (default 50 %, 10 meetings). */
export function baselineBriefShare(
  facts: Pick<BriefShortfallFacts, 'baselineMeetings' | 'baselineBriefs'>,
  options: Pick<BriefShortfallOptions, 'priorShare' | 'priorWeight'> = {},
): number {
  const priorShare = options.priorShare ?? 0.5;
  const priorWeight = options.priorWeight ?? 10;
  return (facts.baselineBriefs + priorWeight * priorShare) / (facts.baselineMeetings + priorWeight);
}
