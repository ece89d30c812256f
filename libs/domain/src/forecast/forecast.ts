import { AnalyticsStage } from '../analytics/stages';
import { LAG_STEPS, openDealLagBins, shiftEarlier } from './bin-timing';
import { Quantiles, cumulative, quantiles, searchCdf, standardNormal } from './draws';
import { inflowSources } from './forecast-inflow';
import { DAY_MS, ForecastProductLine, OPEN_STAGES, openStageIndex } from './hazards';
import { ForecastModel, ModelOptions, buildForecastModel } from './forecast-model';
import { ContractDueReport, contractDueAnchors } from './contract-due';
import { monthKeyOf } from '../analytics/period';
import { ForecastPeriod, forecastPeriods } from './forecast-periods';
import { poisson, seededRandom } from './random';
import { rateSigma } from './rate-uncertainty';
import { estimateInflowSeason } from './seasonal-inflow';
import { LogEvent, Stay } from './transition-log';

export interface ForecastOptions extends ModelOptions {
  /** Calendar months to answer for, from the one holding the as-of time (default 3). */
  readonly months?: number;
  /** Simulated futures (default 500). */
  readonly runs?: number;
  readonly seed?: number;
  /** Days of recent entries into primary contact that set the expected inflow (default 90). */
  readonly inflowDays?: number;
  /**
   * Spread (log-normal sigma) of one factor per simulated future that scales every chance and arrival rate: the
   * uncertainty of the estimated rates themselves, which the deal-by-deal draws alone would leave out (default
   * 1 / √(signatures in the log), `rateSigma`).
   */
  readonly modelSigma?: number;
  /**
   * The deals and arrivals to answer for (a unit, a salesperson, a product line); the rates are still estimated
   * from the whole log, so a narrow scope borrows the company's history. Default: everything.
   */
  readonly scope?: ForecastScope;
  /** Also forecast the arrivals at each open stage (`SigningForecast.arrivals`); off by default (it costs a draw per stage). */
  readonly stageArrivals?: boolean;
  /** The contracts service's task due-date reports: a contract-stage deal's signing is timed from them (contract-due.ts). */
  readonly contractDue?: readonly ContractDueReport[];
}

/** Which deals a forecast answers for, by the dimensions the log records on each move. */
export type ForecastScope = (deal: Pick<Stay, 'unitId' | 'ownerId' | 'productLineId'>) => boolean;

/** The scope of a unit, a salesperson and a product line; `null` on an axis means all of it. */
export function forecastScopeOf(filter: {
  readonly unitId: string | null;
  readonly salespersonId: string | null;
  readonly productLineId: string | null;
}): ForecastScope {
  return (d) =>
    (filter.unitId === null || d.unitId === filter.unitId) &&
    (filter.salespersonId === null || d.ownerId === filter.salespersonId) &&
    (filter.productLineId === null || d.productLineId === filter.productLineId);
}

export type ForecastGroupKind = 'all' | 'unit' | 'salesperson' | 'product_line';

/** Signed contracts of one group in one period. */
export interface ForecastLine {
  readonly kind: ForecastGroupKind;
  readonly id: string | null;
  readonly period: string;
  readonly count: Quantiles;
  /** Value in minor units; `null` when no signed or open deal carried a value. */
  readonly valueMinor: Quantiles | null;
}

/** Deals arriving at one open stage, of one group in one period: new prospects at primary contact, moves after it. */
export interface StageArrivalLine {
  readonly kind: ForecastGroupKind;
  readonly id: string | null;
  readonly period: string;
  readonly stage: AnalyticsStage;
  readonly count: Quantiles;
}

export interface DealForecast {
  readonly prospectId: string;
  readonly stage: AnalyticsStage;
  readonly daysInStage: number;
  readonly ownerId: string | null;
  readonly unitId: string;
  readonly productLineId: string;
  /** Chance to sign before the end of the last period. */
  readonly probability: number;
  /** The month by which half of the futures that sign have signed; `null` below a 5 % chance. */
  readonly expectedMonth: string | null;
  readonly reason: string;
}

export interface SigningForecast {
  readonly asOf: Date;
  readonly periods: ForecastPeriod[];
  readonly lines: ForecastLine[];
  readonly deals: DealForecast[];
  /** Empty unless `stageArrivals` was asked for. */
  readonly arrivals: StageArrivalLine[];
  readonly runs: number;
  readonly seed: number;
}

/**
 * Forecast of signed contracts as of `asOf` from the log recorded before it: every open deal's chance to sign per
 * bin comes from pushing it through its line's stage hazards, tilted by its salesperson's shrunk rates; new
 * prospects arrive at each source's recent rate (Poisson) and go through the same curves. A seeded Monte Carlo
 * combines deals and arrivals into P10 / P50 / P90 per group and period.
 */
export function forecastSignings(
  events: readonly LogEvent[],
  productLines: readonly ForecastProductLine[],
  asOf: Date,
  options: ForecastOptions = {},
): SigningForecast {
  const model = buildForecastModel(events, productLines, asOf, options);
  const runs = options.runs ?? 500;
  const seed = options.seed ?? 1;
  const periods = forecastPeriods(asOf, options.months ?? 3);
  const t0 = asOf.getTime();
  const bounds = [...new Set(periods.flatMap((p) => [p.from.getTime(), p.to.getTime()]))].sort((a, b) => a - b);
  const horizonDays = (bounds[bounds.length - 1] - t0) / DAY_MS;
  const segments = bounds.length - 1;
  const groups = new Map<string, number>([['all|', 0]]);
  const groupOf = (kind: ForecastGroupKind, id: string) => {
    const key = `${kind}|${id}`;
    return groups.get(key) ?? groups.set(key, groups.size).get(key)!;
  };
  const groupsFor = (s: Pick<Stay, 'unitId' | 'ownerId' | 'productLineId'>) => [
    0,
    groupOf('unit', s.unitId),
    groupOf('product_line', s.productLineId),
    ...(s.ownerId === null ? [] : [groupOf('salesperson', s.ownerId)]),
  ];
  const segmentAt = (dayFromAsOf: number) => {
    const at = t0 + dayFromAsOf * DAY_MS;
    let i = 0;
    while (i < segments && at >= bounds[i + 1]) i++;
    return i < segments && at >= bounds[0] ? i : -1;
  };
  const stepsOf = (line: string) => Math.ceil(horizonDays / model.binDays(line));
  const withArrivals = options.stageArrivals ?? false;

  // Open deals: one curve each (shared between deals in the same state), drawn from by inverse CDF.
  const inScope = options.scope ?? (() => true);
  const deals = model.history.open.filter((s) => model.lines.has(s.productLineId) && inScope(s));
  const anchorOf = contractDueAnchors(options.contractDue ?? [], asOf, model.history.won);
  const dealData = deals.map((s) => {
    const bd = model.binDays(s.productLineId);
    const elapsed = (t0 - s.enteredAt) / DAY_MS / bd;
    const bin = Math.floor(elapsed);
    const steps = stepsOf(s.productLineId);
    const from = openStageIndex(s.stage);
    const curves = model.arrivals(
      s.productLineId,
      s.stage,
      bin,
      s.ownerId,
      s.unitId,
      steps + LAG_STEPS,
      model.paceOf(s),
    );
    // Arrival at stage j (the signing is j = OPEN_STAGES.length) follows j − 1 − from delayed stage moves.
    const timed = (j: number) => shiftEarlier(curves[j], openDealLagBins(j - 1 - from, elapsed), steps);
    const finish = () => model.finishChance(s.productLineId, s.stage, bin, s.ownerId, s.unitId);
    const due = anchorOf(s, finish, bd, steps);
    const cdf = cumulative(due?.curve ?? timed(OPEN_STAGES.length));
    // The stages after this one (none after the contract stage, so a due-date anchor does not meet them).
    const arrivalCdfs = withArrivals ? OPEN_STAGES.slice(from + 1).map((_, i) => cumulative(timed(from + 1 + i))) : [];
    const value = s.valueMinor ?? model.meanValue(s.productLineId);
    return { stay: s, bd, bin, cdf, arrivalCdfs, groups: groupsFor(s), value, dueReason: due?.reason ?? null };
  });
  const inflowDays = options.inflowDays ?? 90;
  const entries = model.history.stays.filter((s) => s.stage === 'primary_contact').map((s) => s.enteredAt);
  const inflow = { days: inflowDays, inScope, withArrivals, season: estimateInflowSeason(entries, t0, inflowDays) };
  const sources = inflowSources(model, inflow, horizonDays, stepsOf, groupsFor, segmentAt, segments);
  const hasValue = dealData.some((d) => d.value !== null) || sources.some((s) => s.value > 0);

  const G = groups.size;
  const counts = new Float64Array(runs * G * segments);
  const values = new Float64Array(runs * G * segments);
  const S = OPEN_STAGES.length;
  const arrived = new Float64Array(withArrivals ? S * runs * G * segments : 0);
  const at = (stage: number, r: number, g: number, seg: number) => ((stage * runs + r) * G + g) * segments + seg;
  const random = seededRandom(seed);
  const sigma = options.modelSigma ?? rateSigma(model.history.won.length);
  for (let r = 0; r < runs; r++) {
    const base = r * G * segments;
    const factor = Math.exp(sigma * standardNormal(random.next(), random.next()));
    for (const d of dealData) {
      const u = random.next() / factor;
      if (u >= d.cdf[d.cdf.length - 1]) continue;
      const step = searchCdf(d.cdf, u);
      const seg = segmentAt((step + random.next()) * d.bd);
      if (seg < 0) continue;
      for (const g of d.groups) {
        counts[base + g * segments + seg]++;
        values[base + g * segments + seg] += d.value ?? 0;
      }
    }
    for (const s of sources) {
      for (let seg = 0; seg < segments; seg++) {
        const n = poisson(random, s.perSegment[seg] * factor);
        if (n === 0) continue;
        for (const g of s.groups) {
          counts[base + g * segments + seg] += n;
          values[base + g * segments + seg] += n * s.value;
        }
      }
    }
    if (withArrivals) drawArrivals(r, factor);
  }

  // Each stage's arrivals are drawn on their own (its marginal is what a period's count per stage needs), under the
  // same factor as the signings of this future.
  function drawArrivals(r: number, factor: number) {
    for (const d of dealData) {
      const first = openStageIndex(d.stay.stage) + 1;
      d.arrivalCdfs.forEach((cdf, i) => {
        const u = random.next() / factor;
        if (u >= cdf[cdf.length - 1]) return;
        const seg = segmentAt((searchCdf(cdf, u) + random.next()) * d.bd);
        if (seg >= 0) for (const g of d.groups) arrived[at(first + i, r, g, seg)]++;
      });
    }
    for (const s of sources)
      s.perSegmentByStage.forEach((perSegment, stage) => {
        for (let seg = 0; seg < segments; seg++) {
          const n = poisson(random, perSegment[seg] * factor);
          if (n > 0) for (const g of s.groups) arrived[at(stage, r, g, seg)] += n;
        }
      });
  }

  const lines: ForecastLine[] = [];
  const arrivals: StageArrivalLine[] = [];
  for (const [key, g] of groups) {
    const [kind, id] = key.split('|') as [ForecastGroupKind, string];
    for (const p of periods) {
      const segs = segmentsOf(p, bounds);
      const sample = (arr: Float64Array) => {
        const out = new Float64Array(runs);
        for (let r = 0; r < runs; r++) for (const seg of segs) out[r] += arr[r * G * segments + g * segments + seg];
        return quantiles(out);
      };
      lines.push({
        kind,
        id: id || null,
        period: p.key,
        count: sample(counts),
        valueMinor: hasValue ? sample(values) : null,
      });
      if (!withArrivals) continue;
      OPEN_STAGES.forEach((stage, i) => {
        const out = new Float64Array(runs);
        for (let r = 0; r < runs; r++) for (const seg of segs) out[r] += arrived[at(i, r, g, seg)];
        arrivals.push({ kind, id: id || null, period: p.key, stage, count: quantiles(out) });
      });
    }
  }
  const horizonKey = periods[periods.length - 1].key;
  const dealForecasts = dealData
    .map((d) => dealForecast(model, d, t0, horizonDays, horizonKey))
    .sort((a, b) => b.probability - a.probability);
  return { asOf, periods, lines, deals: dealForecasts, arrivals, runs, seed };
}

function dealForecast(
  model: ForecastModel,
  d: { stay: Stay; bd: number; bin: number; cdf: Float64Array; dueReason: string | null },
  t0: number,
  horizonDays: number,
  horizonKey: string,
): DealForecast {
  const { stay } = d;
  const probability = d.cdf[d.cdf.length - 1];
  const half = searchCdf(d.cdf, probability / 2);
  const expectedMonth =
    probability < 0.05 ? null : monthKeyOf(new Date(t0 + Math.min((half + 0.5) * d.bd, horizonDays) * DAY_MS));
  const days = Math.floor((t0 - stay.enteredAt) / DAY_MS);
  const finish = model.finishChance(stay.productLineId, stay.stage, d.bin, stay.ownerId, stay.unitId);
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  const reason =
    `In ${stay.stage.replace(/_/g, ' ')} for ${days} days: ${pct(finish)} chance to finish this stage with a result ` +
    `(its product line's time-in-stage history, tilted by the salesperson's rate shrunk toward the unit's); ` +
    (d.dueReason ? `${d.dueReason}; ` : '') +
    `${pct(probability)} to sign by the end of ${horizonKey}` +
    (expectedMonth ? `, half of the signing futures by ${expectedMonth}.` : '.');
  return {
    prospectId: stay.prospectId,
    stage: stay.stage,
    daysInStage: days,
    ownerId: stay.ownerId,
    unitId: stay.unitId,
    productLineId: stay.productLineId,
    probability,
    expectedMonth,
    reason,
  };
}

function segmentsOf(p: ForecastPeriod, bounds: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < bounds.length - 1; i++)
    if (bounds[i] >= p.from.getTime() && bounds[i + 1] <= p.to.getTime()) out.push(i);
  return out;
}
