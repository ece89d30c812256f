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
import { Pace, estimatePace } from './deal-pace';
import { advanceChance, signingCurve } from './propagate';
import { SellerEffects, estimateSellerEffects } from './shrinkage';
import { LogAsOf, LogEvent, Stay, logAsOf } from './transition-log';

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
  /**
   * Signing chance per bin of the line for a deal in `stage` after `bin` bins there, for `steps` bins; with a `pace`,
   * from the hazards of the deals that went through their earlier stages as fast (or as slowly).
   */
  curve(
    line: string,
    stage: AnalyticsStage,
    bin: number,
    ownerId: string | null,
    unitId: string,
    steps: number,
    pace?: Pace | null,
  ): Float64Array;
  /** The pace of an open deal's finished stages, `null` before it finished one. */
  paceOf(stay: Stay): Pace | null;
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
  const pace = estimatePace(history.stays);
  const paced = (p: Pace) =>
    estimateHazards(
      history.stays.filter((s) => pace.get(s) === p),
      productLines,
    );
  const tables = { all: hazards, fast: paced('fast'), slow: paced('slow') };
  const byLine = new Map<string, StageHazard[]>();
  for (const [name, table] of Object.entries(tables))
    for (const line of productLines)
      byLine.set(
        `${name}|${line.id}`,
        OPEN_STAGES.map((s, i) => (i === 0 || name === 'all' ? hazards : table).get(hazardKey(line.id, s))!),
      );
  const curves = new Map<string, Float64Array>();
  const values = meanWonValues(history);
  return {
    asOf: history.asOf,
    history,
    lines,
    effects,
    curve(line, stage, bin, ownerId, unitId, steps, p = null) {
      const key = `${line}|${stage}|${bin}|${ownerId}|${unitId}|${steps}|${p}`;
      let curve = curves.get(key);
      if (!curve) {
        const stages = byLine.get(`${p ?? 'all'}|${line}`);
        curve = stages
          ? signingCurve(stages, openStageIndex(stage), bin, effects.oddsRatios(ownerId, unitId), steps)
          : new Float64Array(steps);
        curves.set(key, curve);
      }
      return curve;
    },
    finishChance(line, stage, bin, ownerId, unitId) {
      const i = openStageIndex(stage);
      const stages = byLine.get(`all|${line}`);
      return stages ? advanceChance(stages[i], effects.oddsRatios(ownerId, unitId)[i], bin) : 0;
    },
    paceOf: (stay) => pace.get(stay) ?? null,
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
