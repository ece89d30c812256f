import { DAY_MS } from './hazards';

/** Multiplies the recent inflow rate at a future time: 1 when the log holds less than a year. */
export type InflowSeason = (at: number) => number;

const monthStart = (at: number, add = 0) => {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1);
};

/**
 * A seasonal factor of the inflow from the entries (times a prospect entered primary contact) recorded before
 * `asOf`. The twelve calendar months before the as-of month give each month's daily entries against that year's
 * average; each month's ratio is shrunk toward 1 by how much of its spread is Poisson noise (the spread of the
 * twelve ratios beyond the noise, τ², against each month's noise variance 1/n: weight τ² / (τ² + 1/n)). The recent
 * rate, which the forecast measures over the last `recentDays`, is already seasonal, so the factor of a future day is
 * its month's ratio over the mean ratio of the recent days. Needs entries from before the twelve months began
 * (a whole year of log); otherwise, and with no seasonal spread beyond noise, it is 1 everywhere.
 */
export function estimateInflowSeason(entries: readonly number[], asOf: number, recentDays: number): InflowSeason {
  const yearFrom = monthStart(asOf, -12);
  const months = Array.from({ length: 12 }, (_, i) => ({ from: monthStart(asOf, i - 12), n: 0 }));
  let earliest = Infinity;
  for (const at of entries) {
    if (at < earliest) earliest = at;
    if (at < yearFrom || at >= asOf) continue;
    months[(new Date(at).getUTCMonth() - new Date(yearFrom).getUTCMonth() + 12) % 12].n++;
  }
  const one: InflowSeason = () => 1;
  const monthDays = months.map((m) => (monthStart(m.from, 1) - m.from) / DAY_MS);
  const total = months.reduce((s, m) => s + m.n, 0);
  if (earliest >= yearFrom || total === 0 || months.some((m) => m.n === 0)) return one;
  const average = total / monthDays.reduce((s, d) => s + d, 0);
  const ratios = months.map((m, i) => m.n / monthDays[i] / average);
  const noise = months.map((m) => 1 / m.n);
  const tau2 = ratios.reduce((s, r, i) => s + (r - 1) ** 2 - noise[i], 0) / 12;
  if (tau2 <= 0) return one;
  // By calendar month (0-11).
  const byMonth = new Array<number>(12);
  months.forEach((m, i) => {
    byMonth[new Date(m.from).getUTCMonth()] = 1 + ((ratios[i] - 1) * tau2) / (tau2 + noise[i]);
  });
  const of = (at: number) => byMonth[new Date(at).getUTCMonth()];
  let recent = 0;
  const days = Math.max(1, Math.round(recentDays));
  for (let d = 0; d < days; d++) recent += of(asOf - (d + 0.5) * DAY_MS);
  recent /= days;
  return (at) => of(at) / recent;
}
