import { AnalyticsStage } from '../analytics/stages';
import {
  DAY_MS,
  ForecastProductLine,
  OPEN_STAGES,
  StageHazard,
  binDaysFor,
  estimateHazards,
  hazardKey,
  openStageIndex,
} from './hazards';
import { advanceChance, arrivalCurves } from './propagate';
import { SellerEffects, estimateSellerEffects } from './shrinkage';
import { LogAsOf, LogEvent, logAsOf } from './transition-log';

/** Tuning of the estimators; the defaults are the documented method (docs/forecast.md). */
export interface ModelOptions {
  /** Age at which a finished stay counts half in a salesperson's rates. */
  readonly halfLifeDays?: number;
}

/** Everything estimated from the log as of one time: hazards per line and stage, salesperson effects. */
export interface ForecastModel {
  readonly asOf: number;
  readonly history: LogAsOf;
  readonly lines: ReadonlyMap<string, ForecastProductLine>;
  readonly effects: SellerEffects;
  /** Signing chance per bin of the line for a deal in `stage` after `bin` bins there, for `steps` bins. */
  curve(
    line: string,
    stage: AnalyticsStage,
    bin: number,
    ownerId: string | null,
    unitId: string,
    steps: number,
  ): Float64Array;
  /**
   * Arrival chance per bin at each open stage (index as `OPEN_STAGES`, zero up to the deal's own) and, last, at the
   * signing, for a deal in `stage` after `bin` bins there; `curve` is the last of them.
   */
  arrivals(
    line: string,
    stage: AnalyticsStage,
    bin: number,
    ownerId: string | null,
    unitId: string,
    steps: number,
  ): readonly Float64Array[];
  /** Chance to finish the current stage with a result, given `bin` bins spent there. */
  finishChance(line: string, stage: AnalyticsStage, bin: number, ownerId: string | null, unitId: string): number;
  /** Mean value of the line's contracts signed before the as-of time, `null` if none carried a value. */
  meanValue(line: string): number | null;
  binDays(line: string): number;
}

export function buildForecastModel(
  events: readonly LogEvent[],
  productLines: readonly ForecastProductLine[],
  asOf: Date,
  options: ModelOptions = {},
): ForecastModel {
  const history = logAsOf(events, asOf);
  const hazards = estimateHazards(history.stays, productLines);
  const effects = estimateSellerEffects(history.stays, history.asOf, options.halfLifeDays ?? 180);
  const lines = new Map(productLines.map((l) => [l.id, l]));
  const byLine = new Map<string, StageHazard[]>();
  for (const line of productLines)
    byLine.set(
      line.id,
      OPEN_STAGES.map((s) => hazards.get(hazardKey(line.id, s))!),
    );
  const curves = new Map<string, Float64Array[]>();
  const values = meanWonValues(history);
  return {
    asOf: history.asOf,
    history,
    lines,
    effects,
    curve(line, stage, bin, ownerId, unitId, steps) {
      return this.arrivals(line, stage, bin, ownerId, unitId, steps)[OPEN_STAGES.length];
    },
    arrivals(line, stage, bin, ownerId, unitId, steps) {
      const key = `${line}|${stage}|${bin}|${ownerId}|${unitId}|${steps}`;
      let found = curves.get(key);
      if (!found) {
        const stages = byLine.get(line);
        found = stages
          ? arrivalCurves(stages, openStageIndex(stage), bin, effects.oddsRatios(ownerId, unitId), steps)
          : [...OPEN_STAGES, null].map(() => new Float64Array(steps));
        curves.set(key, found);
      }
      return found;
    },
    finishChance(line, stage, bin, ownerId, unitId) {
      const i = openStageIndex(stage);
      const stages = byLine.get(line);
      return stages ? advanceChance(stages[i], effects.oddsRatios(ownerId, unitId)[i], bin) : 0;
    },
    meanValue: (line) => values.get(line) ?? null,
    binDays: (line) => binDaysFor(lines.get(line) ?? { id: line, cycleMinDays: 30, cycleMaxDays: 60 }),
  };
}

function meanWonValues(history: LogAsOf): Map<string, number> {
  const lineOf = new Map(history.stays.map((s) => [s.prospectId, s.productLineId]));
  const sums = new Map<string, { total: number; n: number }>();
  for (const w of history.won) {
    const line = lineOf.get(w.prospectId);
    if (line === undefined || w.valueMinor === null) continue;
    const s = sums.get(line) ?? { total: 0, n: 0 };
    s.total += w.valueMinor;
    s.n++;
    sums.set(line, s);
  }
  return new Map([...sums].map(([line, s]) => [line, s.total / s.n]));
}

export const daysBetween = (from: number, to: number) => (to - from) / DAY_MS;
