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
import { advanceChance, arrivalCurves } from './propagate';
import { SellerEffects, estimateSellerEffects } from './shrinkage';
import { LogAsOf, LogEvent, Stay, logAsOf } from './transition-log';

/** Finished stays of one pace in a line's stage before that pace's own hazards replace the common ones. */
const MIN_PACED_STAYS = 20;

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
  /**
   * Arrival chance per bin at each open stage (index as `OPEN_STAGES`, zero up to the deal's own) and, last, at the
   * signing, for a deal in `stage` after `bin` bins there (with a `pace` as `curve`); `curve` is the last of them.
   */
  arrivals(
    line: string,
    stage: AnalyticsStage,
    bin: number,
    ownerId: string | null,
    unitId: string,
    steps: number,
    pace?: Pace | null,
  ): readonly Float64Array[];
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
  // A pace's own table for a stage only where enough deals of that pace finished it; else the line's common one
  // (a stage no deal of that pace finished would otherwise fall back to the no-history prior).
  const finished = new Map<string, number>();
  for (const s of history.stays) {
    const p = pace.get(s);
    if (!p || s.outcome === 'open') continue;
    const key = `${p}|${hazardKey(s.productLineId, s.stage)}`;
    finished.set(key, (finished.get(key) ?? 0) + 1);
  }
  const byLine = new Map<string, StageHazard[]>();
  for (const [name, table] of Object.entries(tables))
    for (const line of productLines)
      byLine.set(
        `${name}|${line.id}`,
        OPEN_STAGES.map((s, i) => {
          const key = hazardKey(line.id, s);
          const own = i > 0 && name !== 'all' && (finished.get(`${name}|${key}`) ?? 0) >= MIN_PACED_STAYS;
          return (own ? table : hazards).get(key)!;
        }),
      );
  const curves = new Map<string, Float64Array[]>();
  const values = meanWonValues(history);
  return {
    asOf: history.asOf,
    history,
    lines,
    effects,
    curve(line, stage, bin, ownerId, unitId, steps, p = null) {
      return this.arrivals(line, stage, bin, ownerId, unitId, steps, p)[OPEN_STAGES.length];
    },
    arrivals(line, stage, bin, ownerId, unitId, steps, p = null) {
      const key = `${line}|${stage}|${bin}|${ownerId}|${unitId}|${steps}|${p}`;
      let found = curves.get(key);
      if (!found) {
        const stages = byLine.get(`${p ?? 'all'}|${line}`);
        found = stages
          ? arrivalCurves(stages, openStageIndex(stage), bin, effects.oddsRatios(ownerId, unitId), steps)
          : [...OPEN_STAGES, null].map(() => new Float64Array(steps));
        curves.set(key, found);
      }
      return found;
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
