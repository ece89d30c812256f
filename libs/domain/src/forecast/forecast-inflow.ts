import { DAY_MS, OPEN_STAGES } from './hazards';
import { LAG_STEPS, arrivalLagBins, shiftEarlier } from './bin-timing';
import type { ForecastScope } from './forecast';
import { ForecastModel } from './forecast-model';
import { InflowSeason } from './seasonal-inflow';
import { Stay } from './transition-log';

/** The new prospects one salesperson brings to one product line, as expected counts per segment of the horizon. */
export interface Source {
  readonly groups: number[];
  readonly perSegment: number[];
  /** Expected arrivals per segment at each open stage (index as `OPEN_STAGES`), when stage arrivals are asked for. */
  readonly perSegmentByStage: number[][];
  readonly value: number;
}

/**
 * The expected inflow: per salesperson, unit and product line, the entries into primary contact of the last
 * `inflow.days` set a Poisson rate (scaled by the season of each bin); new prospects follow the fresh-deal curves of
 * the same salesperson and line, so each segment's arrivals that sign (and, when asked, that reach each stage) are
 * one Poisson mean per source.
 */
export function inflowSources(
  model: ForecastModel,
  inflow: { days: number; inScope: ForecastScope; withArrivals: boolean; season: InflowSeason },
  horizonDays: number,
  stepsOf: (line: string) => number,
  groupsFor: (s: Pick<Stay, 'unitId' | 'ownerId' | 'productLineId'>) => number[],
  segmentAt: (day: number) => number,
  segments: number,
): Source[] {
  const inflowDays = inflow.days;
  const since = model.asOf - inflowDays * DAY_MS;
  const entries = new Map<string, { s: Stay; n: number }>();
  for (const s of model.history.stays) {
    if (s.stage !== 'primary_contact' || s.enteredAt < since || !model.lines.has(s.productLineId)) continue;
    if (!inflow.inScope(s)) continue;
    const key = `${s.ownerId}|${s.unitId}|${s.productLineId}`;
    const e = entries.get(key) ?? entries.set(key, { s, n: 0 }).get(key)!;
    e.n++;
  }
  const sources: Source[] = [];
  for (const { s, n } of entries.values()) {
    const bd = model.binDays(s.productLineId);
    const steps = stepsOf(s.productLineId);
    const curves = model.arrivals(s.productLineId, 'primary_contact', 0, s.ownerId, s.unitId, steps + LAG_STEPS);
    // Arrival at stage j of a new prospect follows j − 1 delayed stage moves (bin-timing.ts).
    const timed = (j: number) => shiftEarlier(curves[j], arrivalLagBins(j - 1), steps);
    // New prospects per bin: the recent rate times the season of the bin against the recent days'.
    const perBin = Array.from({ length: steps }, (_, t) => {
      return (n / inflowDays) * bd * inflow.season(model.asOf + (t + 0.5) * bd * DAY_MS);
    });
    // Expected arrivals in bin t of new prospects entering during bins 0..t, split over the segments the bin overlaps.
    const expected = (f: Float64Array) => {
      const perSegment = new Array<number>(segments).fill(0);
      for (let t = 0; t < f.length; t++) {
        let mean = 0;
        for (let u = 0; u <= t; u++) mean += perBin[u] * f[t - u];
        for (let part = 0; part < 4; part++) {
          const seg = segmentAt((t + (part + 0.5) / 4) * bd);
          if (seg >= 0 && (t + (part + 0.5) / 4) * bd < horizonDays) perSegment[seg] += mean / 4;
        }
      }
      return perSegment;
    };
    // A new prospect arrives at primary contact in the bin it enters: a curve of 1 at bin 0.
    const entering = Float64Array.from({ length: steps }, (_, t) => (t === 0 ? 1 : 0));
    const perSegmentByStage = inflow.withArrivals
      ? OPEN_STAGES.map((_, i) => expected(i === 0 ? entering : timed(i)))
      : [];
    sources.push({
      groups: groupsFor(s),
      perSegment: expected(timed(OPEN_STAGES.length)),
      perSegmentByStage,
      value: model.meanValue(s.productLineId) ?? 0,
    });
  }
  return sources;
}
