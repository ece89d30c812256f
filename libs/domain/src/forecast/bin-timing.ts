/**
 * The propagation (`signingCurve`) moves in whole bins: a stay that ended during bin k of its stage (k bins and a
 * part) leaves at step k and the next stage begins at step k + 1, so every move to a later stage starts half a bin
 * late on average; an open deal `f` of the way through its current bin is treated as at the bin's start, another
 * `f` bins late. On a line with week-wide bins a deal four stages from signing is thus drawn about 2.5 weeks late,
 * and the next quarter loses the signings that slip past its end. These give the lag to take back from the curve.
 */

/** Bins by which an open deal's curve runs late: half a bin per stage move still ahead, plus its part of a bin. */
export function openDealLagBins(movesAhead: number, elapsedBins: number): number {
  return 0.5 * movesAhead + (elapsedBins - Math.floor(elapsedBins));
}

/**
 * Bins by which a new prospect's curve runs late: half a bin per move, less half a bin because an arrival during a
 * step is started at that step's beginning.
 */
export function arrivalLagBins(movesAhead: number): number {
  return 0.5 * movesAhead - 0.5;
}

/**
 * The chance per bin moved `lag` bins earlier (linear between neighbours), cut to `steps` bins; mass that would move
 * before the first bin stays in it (a deal cannot sign before now).
 */
export function shiftEarlier(pmf: Float64Array, lag: number, steps: number): Float64Array {
  const out = new Float64Array(steps);
  const whole = Math.floor(lag);
  const part = lag - whole;
  for (let i = 0; i < pmf.length; i++) {
    if (pmf[i] === 0) continue;
    // Old bin i lands at i − lag: split between floor and ceiling of that position.
    const at = i - whole;
    const lower = at - 1;
    const upper = at;
    const toLower = part * pmf[i];
    const toUpper = (1 - part) * pmf[i];
    if (upper < steps) out[Math.max(0, upper)] += toUpper;
    if (lower < steps) out[Math.max(0, lower)] += toLower;
  }
  return out;
}

/** Bins computed past the horizon, so a curve moved earlier by its lag (`bin-timing.ts`) still fills it. */
export const LAG_STEPS = 4;
