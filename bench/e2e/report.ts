import { TransitionTimes } from './transitions';

/** One saturation run with the baselines measured just before it. */
export interface SaturationRun {
  rawJobsPerSecond: number;
  commitsPerSecond: number;
  transitions: number;
  errors: number;
  transitionsPerSecond: number;
  jobsPerTransition: number;
  commitsPerTransition: number;
}

export interface E2eReportInput {
  backend: string;
  database: string;
  offers: number;
  concurrency: number;
  tpsClients: number;
  rawJobs: number;
  idleCommitsPerSecond: number;
  runs: SaturationRun[];
  /** Jobs of the last run by job name, per transition. */
  jobsByName: Record<string, number>;
  paced: { perSecond: number; transitions: number; errors: number; pollMs: number; times: TransitionTimes[] };
  firstErrors: string[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};
const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

export interface E2eFigures {
  rawJobsPerSecond: number;
  commitsPerSecond: number;
  idleCommitsPerSecond: number;
  jobsPerTransition: number;
  commitsPerTransition: number;
  limitByQueue: number;
  limitByDatabase: number;
  limit: number;
  transitionsPerSecond: number;
  shareOfLimit: number;
  latencyMs: Record<'requestVisible' | 'stageMoved' | 'wholeTransition', { p50: number; p99: number }>;
}

/** Medians of the runs, the limit they make, and the paced phase's percentiles. */
export function e2eFigures(input: E2eReportInput): E2eFigures {
  const of = (key: keyof SaturationRun) => median(input.runs.map((r) => r[key]));
  const rawJobsPerSecond = of('rawJobsPerSecond');
  const commitsPerSecond = of('commitsPerSecond');
  const jobsPerTransition = of('jobsPerTransition');
  const commitsPerTransition = of('commitsPerTransition');
  const limitByQueue = rawJobsPerSecond / jobsPerTransition;
  const limitByDatabase = commitsPerSecond / commitsPerTransition;
  const limit = Math.min(limitByQueue, limitByDatabase);
  const transitionsPerSecond = of('transitionsPerSecond');
  const latency = (pick: (t: TransitionTimes) => number) => {
    const values = input.paced.times.map(pick);
    return { p50: percentile(values, 50), p99: percentile(values, 99) };
  };
  return {
    rawJobsPerSecond,
    commitsPerSecond,
    idleCommitsPerSecond: input.idleCommitsPerSecond,
    jobsPerTransition,
    commitsPerTransition,
    limitByQueue,
    limitByDatabase,
    limit,
    transitionsPerSecond,
    shareOfLimit: transitionsPerSecond / limit,
    latencyMs: {
      requestVisible: latency((t) => t.requestSeen - t.submitAnswered),
      stageMoved: latency((t) => t.stageSeen - t.approveAnswered),
      wholeTransition: latency((t) => t.stageSeen - t.submitAnswered),
    },
  };
}

/** The report: each figure beside its baseline, the goals of issue #19 as ratios of this run, then one JSON line. */
export function e2eReport(input: E2eReportInput): string {
  const f = e2eFigures(input);
  const perRun = (key: keyof SaturationRun, digits = 0) =>
    `(runs: ${input.runs.map((r) => n(r[key], digits)).join(', ')})`;
  const row = (label: string, value: string, note = '') => `  ${label.padEnd(46)}${value.padStart(18)}  ${note}`;
  const byName = Object.entries(input.jobsByName)
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ${n(count, 2)}`)
    .join(', ');
  const limitBy = f.limitByQueue <= f.limitByDatabase ? 'the queue' : 'the database';
  const hopP99 = Math.max(f.latencyMs.requestVisible.p99, f.latencyMs.stageMoved.p99);
  const lines = [
    `bench:e2e: offer submitted -> approvals records the request -> head approves -> prospects moves the stage`,
    `backend ${input.backend}, database ${input.database}; ${input.runs.length} runs of ${input.offers} offers at ` +
      `${input.concurrency} transitions in flight; medians`,
    'baselines (same run, before each saturation run, the system idle):',
    row('raw BullMQ no-op jobs (concurrency 8)', `${n(f.rawJobsPerSecond)} jobs/s`, perRun('rawJobsPerSecond')),
    row(
      `database commits (${input.tpsClients} clients, 1-row INSERTs)`,
      `${n(f.commitsPerSecond)} commits/s`,
      perRun('commitsPerSecond'),
    ),
    row('the idle system', `${n(f.idleCommitsPerSecond, 1)} commits/s`),
    'cost of one transition (submit + request + approve + stage move, with what they set off):',
    row('jobs (outbox rows x consumer queues)', n(f.jobsPerTransition, 2), perRun('jobsPerTransition', 2)),
    row('commits (net of idle and the bench’s polls)', n(f.commitsPerTransition, 1), perRun('commitsPerTransition', 1)),
    `  jobs by name: ${byName}`,
    `physical limit: min(${n(f.rawJobsPerSecond)} / ${n(f.jobsPerTransition, 2)} = ${n(f.limitByQueue)} (queue), ` +
      `${n(f.commitsPerSecond)} / ${n(f.commitsPerTransition, 1)} = ${n(f.limitByDatabase)} (database)) = ` +
      `${n(f.limit)} transitions/s, set by ${limitBy}`,
    row('achieved at saturation', `${n(f.transitionsPerSecond, 1)} transitions/s`, perRun('transitionsPerSecond', 1)),
    `  share of the limit: ${pct(f.shareOfLimit)} (goal >= 50 %: ${verdict(f.shareOfLimit >= 0.5)})` +
      (input.runs.some((r) => r.errors) ? `; failed transitions: ${input.runs.map((r) => r.errors).join(', ')}` : ''),
    `write to effect at half that rate (${n(input.paced.perSecond, 1)} started/s, ${input.paced.transitions} ` +
      `transitions, ${input.paced.errors} failed; effects polled every ${input.paced.pollMs} ms):`,
    `  ${''.padEnd(46)}${'p50'.padStart(10)}${'p99'.padStart(10)}`,
    ...(
      [
        ['submit answered -> approval request visible', f.latencyMs.requestVisible],
        ['approve answered -> stage at offer defence', f.latencyMs.stageMoved],
        ['submit answered -> stage (whole transition)', f.latencyMs.wholeTransition],
      ] as const
    ).map(([label, l]) => `  ${label.padEnd(46)}${`${n(l.p50)} ms`.padStart(10)}${`${n(l.p99)} ms`.padStart(10)}`),
    `  p99 of a hop: ${n(hopP99)} ms (goal <= 50 ms: ${verdict(hopP99 <= 50)})`,
    ...(input.firstErrors.length ? [`first errors: ${input.firstErrors.join(' | ')}`] : []),
    JSON.stringify(
      { bench: 'e2e', backend: input.backend, database: input.database, ...f, runs: input.runs },
      (_key, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value),
    ),
  ];
  return lines.join('\n');
}
