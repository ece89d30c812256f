import { AnalyticsStage } from '../analytics/stages';
import { Stay } from './transition-log';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The stages a deal can still move through (sampling is before the funnel proper). */
export const OPEN_STAGES: readonly AnalyticsStage[] = [
  'primary_contact',
  'needs_identification',
  'offer_formation',
  'offer_defence',
  'contract',
];

export function openStageIndex(stage: AnalyticsStage): number {
  return OPEN_STAGES.indexOf(stage);
}

/** A product line as the forecast needs it: its expected cycle sets the width of the time-in-stage bins. */
export interface ForecastProductLine {
  readonly id: string;
  readonly cycleMinDays: number;
  readonly cycleMaxDays: number;
}

/**
 * Discrete-time hazards of one stage of one product line: `advance[k]` and `loss[k]` are the chances that a deal
 * that has spent k bins in the stage moves on or is lost during bin k. The last bin is an open-ended tail.
 */
export interface StageHazard {
  readonly binDays: number;
  readonly advance: Float64Array;
  readonly loss: Float64Array;
}

/** Bins of a day for a 1-2 month cycle, up to a week for cycles of months or years. */
export function binDaysFor(line: ForecastProductLine): number {
  return Math.min(7, Math.max(1, Math.floor(line.cycleMinDays / 30)));
}

export function binCountFor(line: ForecastProductLine): number {
  return Math.ceil(Math.max(2 * line.cycleMaxDays, 180) / binDaysFor(line)) + 1;
}

export const hazardKey = (productLineId: string, stage: AnalyticsStage) => `${productLineId}|${stage}`;

/** Pseudo-observations pulling each bin toward the stage's average hazard, and the at-risk count a bin needs. */
const PRIOR_WEIGHT = 3;
const MIN_AT_RISK = 3;

/**
 * Life-table estimate per product line and stage from stays (open stays are censored: at risk only for the bins
 * they completed). Each bin's hazard is smoothed toward the stage average; a bin with too few deals at risk carries
 * the previous bin's hazard forward. A stage with no history exits at a constant rate over a fifth of the cycle,
 * half advancing.
 */
export function estimateHazards(
  stays: readonly Stay[],
  lines: readonly ForecastProductLine[],
): Map<string, StageHazard> {
  const counts = new Map<string, { n: Float64Array; a: Float64Array; l: Float64Array; line: ForecastProductLine }>();
  for (const line of lines) {
    const size = binCountFor(line);
    for (const stage of OPEN_STAGES) {
      const n = new Float64Array(size);
      counts.set(hazardKey(line.id, stage), { n, a: new Float64Array(size), l: new Float64Array(size), line });
    }
  }
  for (const stay of stays) {
    const c = counts.get(hazardKey(stay.productLineId, stay.stage));
    if (!c) continue;
    const size = c.n.length;
    const bin = Math.floor((stay.endedAt - stay.enteredAt) / DAY_MS / binDaysFor(c.line));
    const last = Math.min(bin, size - 1);
    for (let k = 0; k < last; k++) c.n[k]++;
    // Beyond the last bin every further bin is exposure of the tail.
    if (bin > size - 1) c.n[size - 1] += bin - (size - 1);
    if (stay.outcome === 'open') continue;
    c.n[last]++;
    (stay.outcome === 'advance' ? c.a : c.l)[last]++;
  }
  const table = new Map<string, StageHazard>();
  for (const [key, { n, a, l, line }] of counts) table.set(key, smooth(n, a, l, line));
  return table;
}

function smooth(n: Float64Array, a: Float64Array, l: Float64Array, line: ForecastProductLine): StageHazard {
  const size = n.length;
  const binDays = binDaysFor(line);
  const advance = new Float64Array(size);
  const loss = new Float64Array(size);
  const [N, A, L] = [sum(n), sum(a), sum(l)];
  if (A + L === 0 || N === 0) {
    const exit = Math.min(1, binDays / (0.2 * (line.cycleMinDays + line.cycleMaxDays) * 0.5));
    advance.fill(exit / 2);
    loss.fill(exit / 2);
    return { binDays, advance, loss };
  }
  const [meanA, meanL] = [A / N, L / N];
  for (let k = 0; k < size; k++) {
    if (n[k] < MIN_AT_RISK && k > 0) {
      advance[k] = advance[k - 1];
      loss[k] = loss[k - 1];
      continue;
    }
    advance[k] = (a[k] + PRIOR_WEIGHT * meanA) / (n[k] + PRIOR_WEIGHT);
    loss[k] = (l[k] + PRIOR_WEIGHT * meanL) / (n[k] + PRIOR_WEIGHT);
  }
  return { binDays, advance, loss };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
