import { Random, seededRandom } from '@dealgate/domain';

/** The domain's seeded generator (mulberry32, libs/domain seededRandom), so a run's choices of victims and timings repeat with its --seed. */
export class SeededRandom {
  private readonly source: Random;

  constructor(seed: number) {
    this.source = seededRandom(seed);
  }

  /** In [0, 1). */
  next(): number {
    return this.source.next();
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}
