import { ForecastPeriod, Random, forecastPeriods, logAsOf, poisson, quantiles, seededRandom } from '@dealgate/domain';
import { SyntheticCompany } from './company-generator';
import { DAY_MS, STAGE_SHARES, SellerTruth, season, stageExit } from './deal-process';

const STAGES = ['primary_contact', 'needs_identification', 'offer_formation', 'offer_defence', 'contract'];

/** The oracle's P10/P50/P90 per group key (`all|`, `unit|id`, `salesperson|id`, `product_line|id`) and period key. */
export type OracleForecast = Map<string, Map<string, { p10: number; p50: number; p90: number }>>;

/**
 * The forecast that knows the generator's truth: every salesperson's true rates, weakness and inflow, each line's
 * cycle distribution and the seasonality. It replays the same process from the state at `asOf` (an open deal's
 * current stage is drawn conditional on the time it has already spent there), so its error is the noise no method
 * can beat. It does not know the draws that have not happened yet.
 */
export function oracleForecast(
  company: SyntheticCompany,
  asOf: Date,
  months: number,
  runs = 100,
  seed = 11,
): OracleForecast {
  const random = seededRandom(seed);
  const periods = forecastPeriods(asOf, months);
  const t0 = asOf.getTime();
  const end = Math.max(...periods.map((p) => p.to.getTime()));
  const sellers = new Map(company.sellers.map((s) => [s.id, s]));
  const lineIndex = new Map(company.lines.map((l, i) => [l.id, i]));
  const open = logAsOf(company.events, asOf).open;
  const keysOf = (seller: SellerTruth, lineId: string) => [
    'all|',
    `unit|${seller.unitId}`,
    `salesperson|${seller.id}`,
    `product_line|${lineId}`,
  ];
  const samples = new Map<string, Map<string, Float64Array>>();
  const add = (keys: string[], at: number, r: number) => {
    for (const key of keys) {
      const byPeriod = samples.get(key) ?? samples.set(key, new Map()).get(key)!;
      for (const p of periods) {
        if (at < p.from.getTime() || at >= p.to.getTime()) continue;
        const arr = byPeriod.get(p.key) ?? byPeriod.set(p.key, new Float64Array(runs)).get(p.key)!;
        arr[r]++;
      }
    }
  };
  const w = company.params.weakBriefShare;
  for (let r = 0; r < runs; r++) {
    for (const stay of open) {
      const seller = stay.ownerId ? sellers.get(stay.ownerId) : undefined;
      const li = lineIndex.get(stay.productLineId);
      if (!seller || li === undefined) continue;
      const line = company.lines[li];
      const signed = finishOpen(random, seller, STAGES.indexOf(stay.stage), stay.enteredAt, line, w, t0, end);
      if (signed !== null) add(keysOf(seller, line.id), signed, r);
    }
    for (const seller of company.sellers) {
      for (const line of company.lines) {
        // A line whose fastest deal needs longer than the horizon cannot sign from new arrivals.
        if (line.cycleMinDays * 0.5 * DAY_MS > end - t0) continue;
        const share = line.share / company.lines.reduce((s, l) => s + l.share, 0);
        for (let day = t0; day < end; day += DAY_MS) {
          const n = poisson(random, seller.inflowPerDay * share * season(day, company.params.seasonality));
          for (let i = 0; i < n; i++) {
            const cycle = line.cycleMinDays + random.next() * (line.cycleMaxDays - line.cycleMinDays);
            const signed = runFrom(random, seller, 0, day + random.next() * DAY_MS, cycle, w, end);
            if (signed !== null) add(keysOf(seller, line.id), signed, r);
          }
        }
      }
    }
  }
  const out: OracleForecast = new Map();
  for (const [key, byPeriod] of samples) {
    const q = new Map<string, { p10: number; p50: number; p90: number }>();
    for (const p of periods) q.set(p.key, quantiles(byPeriod.get(p.key) ?? new Float64Array(runs)));
    out.set(key, q);
  }
  return out;
}

export const oraclePeriods = (asOf: Date, months: number): ForecastPeriod[] => forecastPeriods(asOf, months);

/** An open deal: its cycle is redrawn with the current stage's exit, conditional on still being there at t0. */
function finishOpen(
  random: Random,
  seller: SellerTruth,
  stage: number,
  enteredAt: number,
  line: { cycleMinDays: number; cycleMaxDays: number },
  weak: number,
  t0: number,
  end: number,
): number | null {
  let cycle = 0;
  let exit = { advance: false, at: t0 };
  for (let tries = 0; tries < 300; tries++) {
    cycle = line.cycleMinDays + random.next() * (line.cycleMaxDays - line.cycleMinDays);
    exit = stageExit(random, seller, stage, enteredAt, cycle, weak);
    if (exit.at >= t0) break;
  }
  if (exit.at < t0) exit = { advance: exit.advance, at: t0 + STAGE_SHARES[stage] * cycle * 0.1 * DAY_MS };
  if (!exit.advance || exit.at >= end) return null;
  if (stage === STAGES.length - 1) return exit.at;
  return runFrom(random, seller, stage + 1, exit.at, cycle, weak, end);
}

function runFrom(
  random: Random,
  seller: SellerTruth,
  stage: number,
  at: number,
  cycle: number,
  weak: number,
  end: number,
): number | null {
  let t = at;
  for (let s = stage; s < STAGES.length; s++) {
    const exit = stageExit(random, seller, s, t, cycle, weak);
    if (!exit.advance || exit.at >= end) return null;
    if (s === STAGES.length - 1) return exit.at;
    t = exit.at;
  }
  return null;
}
