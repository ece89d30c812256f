import { Random, seededRandom } from '@dealgate/domain';

/**
 * A small seeded pseudo-random generator (mulberry32) for generated-data tests: the same seed gives the same rows, so
 * a failure names a case that the next run reproduces. Not for anything that needs real randomness.
 */
export class SeededRandom {
  // The domain's generator (the forecast and the synthetic companies draw from it), with the helpers tests want.
  private readonly source: Random;

  constructor(seed: number) {
    this.source = seededRandom(seed);
  }

  /** A float in [0, 1). */
  next(): number {
    return this.source.next();
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Every subset of `items` (2^n of them, the empty one first): e.g. every combination of roles a user may hold. */
export function allSubsets<T>(items: readonly T[]): T[][] {
  const subsets: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) subsets.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return subsets;
}
