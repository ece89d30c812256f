import { StageHazard } from './hazards';

/** Tilts a bin's advance share by an odds ratio, keeping the chance to leave the stage in that bin. */
export function tiltedHazard(advance: number, loss: number, oddsRatio: number): [number, number] {
  const exit = advance + loss;
  if (exit <= 0 || oddsRatio === 1) return [advance, loss];
  const q = advance / exit;
  const tilted = (q * oddsRatio) / (1 - q + q * oddsRatio);
  return [exit * tilted, exit * (1 - tilted)];
}

/**
 * The chance that a deal signs in each of the next `steps` bins: the last of its `arrivalCurves`.
 */
export function signingCurve(
  stages: readonly StageHazard[],
  from: number,
  bin: number,
  oddsRatios: readonly number[],
  steps: number,
): Float64Array {
  return arrivalCurves(stages, from, bin, oddsRatios, steps)[stages.length];
}

/**
 * The chance that a deal arrives at each later stage in each of the next `steps` bins, by pushing its probability
 * mass through the remaining stages' hazards: `stages[j]` is the hazard of the j-th open stage of its product line
 * (all share the line's bin width), the deal starts in stage `from` having spent `bin` bins there. Curve j is the
 * arrival at open stage j (zero for j <= from), curve `stages.length` the signing (advancing from the last stage).
 * A deal that advances enters the next stage at the next bin.
 */
export function arrivalCurves(
  stages: readonly StageHazard[],
  from: number,
  bin: number,
  oddsRatios: readonly number[],
  steps: number,
): Float64Array[] {
  const last = stages.length - 1;
  const size = stages[0].advance.length;
  const mass = stages.map(() => new Float64Array(size));
  const hi = stages.map(() => -1);
  const lo = stages.map(() => size);
  const put = (j: number, k: number, m: number) => {
    mass[j][k] += m;
    if (k > hi[j]) hi[j] = k;
    if (k < lo[j]) lo[j] = k;
  };
  put(from, Math.min(bin, size - 1), 1);
  const arrived = [...stages, null].map(() => new Float64Array(steps));
  for (let t = 0; t < steps; t++) {
    // Later stages first, so mass that advances this bin is not moved again in the same bin.
    for (let j = last; j >= from; j--) {
      if (hi[j] < 0) continue;
      const h = stages[j];
      const [start, end] = [lo[j], hi[j]];
      hi[j] = -1;
      lo[j] = size;
      for (let k = end; k >= start; k--) {
        const m = mass[j][k];
        if (m === 0) continue;
        mass[j][k] = 0;
        const [a, l] = tiltedHazard(h.advance[k], h.loss[k], oddsRatios[j]);
        const stay = m * Math.max(0, 1 - a - l);
        if (stay > 1e-12) put(j, Math.min(k + 1, size - 1), stay);
        arrived[j + 1][t] += m * a;
        if (j < last) put(j + 1, 0, m * a);
      }
    }
  }
  return arrived;
}

/** Chance to finish a stage with a result from its start (tilted by the odds ratio), over `steps` bins. */
export function advanceChance(stage: StageHazard, oddsRatio: number, fromBin = 0): number {
  let alive = 1;
  let advanced = 0;
  const size = stage.advance.length;
  for (let k = fromBin; k < fromBin + size + 5000 && alive > 1e-9; k++) {
    const bin = Math.min(k, size - 1);
    const [a, l] = tiltedHazard(stage.advance[bin], stage.loss[bin], oddsRatio);
    advanced += alive * a;
    alive *= Math.max(0, 1 - a - l);
  }
  return advanced;
}
