import { parseChaosOptions } from './options';

describe('chaos options', () => {
  it('the short preset: every kind of fault at least once, a quarter of the kills after writes', () => {
    const o = parseChaosOptions(['--short'], 42);
    expect(o).toMatchObject({
      backend: 'postgres',
      replicas: 1,
      kills: 8,
      killsAfterWrite: 2,
      wipes: 1,
      dbRestarts: 1,
    });
    expect(o.seed).toBe(42);
  });

  it('the long preset is the goal of issue #15, and flags given override a preset', () => {
    const o = parseChaosOptions(['--long', '--backend', 'redis', '--replicas', '2', '--deals', '10', '--seed', '7']);
    expect(o).toMatchObject({ kills: 100, killsAfterWrite: 25, wipes: 3, dbRestarts: 3, deals: 10, seed: 7 });
    expect(o).toMatchObject({ backend: 'redis', replicas: 2 });
  });

  it.each([
    [['--backend', 'mysql'], '--backend must be postgres or redis'],
    [['--kills', '-1'], '--kills must be a whole number ≥ 0'],
    [['--deals', 'many'], '--deals must be a whole number ≥ 0'],
    [['--deals', '0'], '--deals must be at least 1'],
    [['--replicas', '9'], '--replicas must be between 1 and 4'],
    [['--kills', '2', '--kills-after-write', '3'], '--kills-after-write cannot exceed --kills'],
    [['--explode'], 'unknown flag --explode'],
  ])('refuses %j naming the flag', (argv, message) => {
    expect(() => parseChaosOptions(argv)).toThrow(message);
  });
});
