/** What one chaos run does: the backend, the load and the faults, read from `npm run chaos -- <flags>`. */
export interface ChaosOptions {
  backend: 'postgres' | 'redis';
  /** Launchers started side by side: each runs one process of every service (2 = two replicas of each). */
  replicas: number;
  deals: number;
  /** The window (seconds) over which deals start and faults are spread. */
  durationSec: number;
  kills: number;
  /** Of the kills, how many hit the service that has just answered a write (the rest hit a random process). */
  killsAfterWrite: number;
  wipes: number;
  dbRestarts: number;
  dbTerminations: number;
  seed: number;
  /** How long the system may take to drain after the last fault before the run counts as failed. */
  drainTimeoutSec: number;
  /** Keep the run's folder (logs, database files) instead of deleting it. */
  keep: boolean;
}

const PRESETS: Record<'short' | 'long', Partial<ChaosOptions>> = {
  // CI: a few minutes on 2 cores, every kind of fault at least once.
  short: { deals: 4, durationSec: 45, kills: 8, wipes: 1, dbRestarts: 1, dbTerminations: 1 },
  // The goal of issue #15: 100 kills, 3 wipes, 3 database restarts under load.
  long: { deals: 30, durationSec: 600, kills: 100, wipes: 3, dbRestarts: 3, dbTerminations: 3 },
};

const DEFAULTS: ChaosOptions = {
  backend: 'postgres',
  replicas: 1,
  deals: 4,
  durationSec: 45,
  kills: 8,
  killsAfterWrite: -1,
  wipes: 1,
  dbRestarts: 1,
  dbTerminations: 1,
  seed: 0,
  drainTimeoutSec: 180,
  keep: false,
};

const NUMERIC: Record<string, keyof ChaosOptions> = {
  '--replicas': 'replicas',
  '--deals': 'deals',
  '--duration': 'durationSec',
  '--kills': 'kills',
  '--kills-after-write': 'killsAfterWrite',
  '--wipes': 'wipes',
  '--db-restarts': 'dbRestarts',
  '--db-terminations': 'dbTerminations',
  '--seed': 'seed',
  '--drain-timeout': 'drainTimeoutSec',
};

export const USAGE = `npm run chaos -- [--short | --long] [--backend postgres|redis] [--replicas 1|2] [--deals N]
  [--duration S] [--kills N] [--kills-after-write N] [--wipes N] [--db-restarts N] [--db-terminations N]
  [--seed N] [--drain-timeout S] [--keep]`;

/** Reads the flags (a preset first, then the flags given override it); throws naming the bad flag. */
export function parseChaosOptions(argv: readonly string[], now = Date.now()): ChaosOptions {
  const preset = argv.includes('--long') ? PRESETS.long : argv.includes('--short') ? PRESETS.short : {};
  const options: ChaosOptions = { ...DEFAULTS, ...preset, seed: now % 1_000_000 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--short' || flag === '--long') continue;
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    const value = argv[i + 1];
    i++;
    if (flag === '--backend') {
      if (value !== 'postgres' && value !== 'redis') throw new Error('--backend must be postgres or redis');
      options.backend = value;
      continue;
    }
    const key = NUMERIC[flag];
    if (!key) throw new Error(`unknown flag ${flag}\n${USAGE}`);
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number ≥ 0`);
    (options as unknown as Record<string, number>)[key] = n;
  }
  if (options.replicas < 1 || options.replicas > 4) throw new Error('--replicas must be between 1 and 4');
  if (options.deals < 1) throw new Error('--deals must be at least 1');
  if (options.durationSec < 1) throw new Error('--duration must be at least 1');
  if (options.killsAfterWrite < 0) options.killsAfterWrite = Math.round(options.kills / 4);
  if (options.killsAfterWrite > options.kills) throw new Error('--kills-after-write cannot exceed --kills');
  return options;
}
