/** P10 / P50 / P90 and the mean of a simulated count. */
export interface Quantiles {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly mean: number;
}

/** P10 / P50 / P90 (linear between order statistics) and the mean of a sample. */
export function quantiles(sample: Float64Array): Quantiles {
  const sorted = Float64Array.from(sample).sort();
  const at = (p: number) => {
    const x = p * (sorted.length - 1);
    const i = Math.floor(x);
    return i + 1 < sorted.length ? sorted[i] + (sorted[i + 1] - sorted[i]) * (x - i) : sorted[i];
  };
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, sorted.length);
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9), mean };
}

/** A standard normal draw from two uniform ones (Box-Muller). */
export function standardNormal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(Math.max(u1, 1e-12))) * Math.cos(2 * Math.PI * u2);
}

/** The running sum of a chance per bin. */
export function cumulative(pmf: Float64Array): Float64Array {
  const cdf = new Float64Array(pmf.length);
  let total = 0;
  for (let i = 0; i < pmf.length; i++) cdf[i] = total += pmf[i];
  return cdf;
}

/** First index whose cumulative chance exceeds u. */
export function searchCdf(cdf: Float64Array, u: number): number {
  let [lo, hi] = [0, cdf.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cdf[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
