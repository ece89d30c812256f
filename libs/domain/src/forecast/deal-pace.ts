import { DAY_MS, hazardKey } from './hazards';
import { Stay } from './transition-log';

/** Whether a deal went through its finished stages faster or slower than its line's typical deal. */
export type Pace = 'fast' | 'slow';

/**
 * A deal's pace from the stages it has finished: the days its earlier stays took (those that ended by advancing,
 * since its first entry or its reopening) over the mean days of advanced stays of the same line and stage, summed
 * over those stages; below 1 is `fast`. A deal that finished no stage yet has no pace (`null`). Deals whose cycle is
 * long take long in every stage, so the pace so far tells the time the remaining stages will take; the forecast
 * estimates the later stages' hazards of fast and slow deals apart. Everything is read from `stays` (the log before
 * the as-of time), so the typical durations are the log's, not the generator's.
 */
export function estimatePace(stays: readonly Stay[]): Map<Stay, Pace> {
  const sums = new Map<string, { days: number; n: number }>();
  for (const s of stays) {
    if (s.outcome !== 'advance') continue;
    const key = hazardKey(s.productLineId, s.stage);
    const t = sums.get(key) ?? sums.set(key, { days: 0, n: 0 }).get(key)!;
    t.days += (s.endedAt - s.enteredAt) / DAY_MS;
    t.n++;
  }
  const typical = (s: Stay) => {
    const t = sums.get(hazardKey(s.productLineId, s.stage));
    return t && t.n > 0 ? t.days / t.n : null;
  };
  const byProspect = new Map<string, Stay[]>();
  for (const s of stays) (byProspect.get(s.prospectId) ?? byProspect.set(s.prospectId, []).get(s.prospectId)!).push(s);
  const pace = new Map<Stay, Pace>();
  for (const own of byProspect.values()) {
    own.sort((a, b) => a.enteredAt - b.enteredAt);
    let [spent, usual] = [0, 0];
    for (const s of own) {
      // A new entry into the first stage (a reopened deal) starts its pace again.
      if (s.stage === 'primary_contact') [spent, usual] = [0, 0];
      if (usual > 0) pace.set(s, spent < usual ? 'fast' : 'slow');
      const t = typical(s);
      if (s.outcome === 'advance' && t !== null && t > 0) {
        spent += (s.endedAt - s.enteredAt) / DAY_MS;
        usual += t;
      }
    }
  }
  return pace;
}
