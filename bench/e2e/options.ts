/** What one `npm run bench:e2e` run measures, read from its flags. */
export interface E2eOptions {
  backend: 'postgres' | 'redis';
  /** Repeats of every measurement taken at saturation (and of its baselines); the report shows medians. */
  runs: number;
  /** Offers submitted and approved in each saturation run. */
  offers: number;
  /** Transitions in flight at saturation (submits waiting for an answer, approvals waiting for one). */
  concurrency: number;
  /** How long the paced phase at half the achieved rate lasts. */
  latencySeconds: number;
  /** No-op jobs of the raw BullMQ baseline. */
  rawJobs: number;
  /** How long the commit-TPS baseline runs, and with how many clients. */
  tpsSeconds: number;
  tpsClients: number;
  /** How often the bench looks in PostgreSQL for the effects it waits for. */
  pollMs: number;
  /** Keep the launcher's log (its folder is printed). */
  keep: boolean;
}

export const E2E_DEFAULTS: E2eOptions = {
  backend: 'postgres',
  runs: 3,
  offers: 100,
  concurrency: 16,
  latencySeconds: 15,
  rawJobs: 2000,
  tpsSeconds: 5,
  tpsClients: 4,
  pollMs: 5,
  keep: false,
};

const NUMERIC: Record<string, keyof E2eOptions> = {
  '--runs': 'runs',
  '--offers': 'offers',
  '--concurrency': 'concurrency',
  '--latency-seconds': 'latencySeconds',
  '--raw-jobs': 'rawJobs',
  '--tps-seconds': 'tpsSeconds',
  '--tps-clients': 'tpsClients',
  '--poll-ms': 'pollMs',
};

export const E2E_USAGE = `npm run bench:e2e -- [--backend postgres|redis] [--runs N] [--offers N] [--concurrency N]
  [--latency-seconds S] [--raw-jobs N] [--tps-seconds S] [--tps-clients N] [--poll-ms MS] [--keep]`;

/** Reads the flags over the defaults; throws naming the bad flag. */
export function parseE2eOptions(argv: readonly string[]): E2eOptions {
  const options: E2eOptions = { ...E2E_DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--backend') {
      if (value !== 'postgres' && value !== 'redis') throw new Error('--backend must be postgres or redis');
      options.backend = value;
      continue;
    }
    const key = NUMERIC[flag];
    if (!key) throw new Error(`unknown flag ${flag}`);
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1) throw new Error(`${flag} wants a whole number of at least 1`);
    (options as unknown as Record<string, number>)[key] = number;
  }
  return options;
}
