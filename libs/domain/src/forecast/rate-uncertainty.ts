/**
 * The spread (log-normal sigma) of the one factor per simulated future that scales every chance and arrival rate:
 * the uncertainty of the estimated rates themselves. A signing chance p estimated from the deals behind `signed`
 * signatures has a relative standard error √((1 − p) / signed) ≤ 1 / √signed, so the bound is taken: about 0.09 for
 * a log with 120 signatures, 0.01 for one with 10,000. The deal-by-deal and Poisson draws carry the rest of the
 * spread. A log with no signature gives 1 (the rates are guesses).
 */
export function rateSigma(signed: number): number {
  return 1 / Math.sqrt(Math.max(1, signed));
}
