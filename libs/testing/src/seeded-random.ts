/**
 * A small seeded pseudo-random generator (mulberry32) for generated-data tests: the same seed gives the same rows, so
 * a failure names a case that the next run reproduces. Not for anything that needs real randomness.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
