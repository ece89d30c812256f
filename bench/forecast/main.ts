import { BacktestError, LogEvent, forecastSignings, runBacktest } from '@dealgate/domain';
import { SyntheticCompany, generateCompany } from '../../tools/synthetic/company-generator';
import { companyFlagsHelp, parseCompanyFlags } from '../../tools/synthetic/company-params';
import { oracleForecast } from '../../tools/synthetic/oracle';
import { measureWarnings } from './early-warning-measure';

/**
 * `npm run bench:forecast -- <flags>`: generates a synthetic company (every parameter a flag, see --help), backtests
 * the forecast at each monthly origin against what happened, next to the oracle and the baselines, measures the
 * early warnings on the planted weak salespeople, and times one unit's forecast and the whole backtest.
 */
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const pct = (x: number | null) => (x === null ? '   -  ' : `${(x * 100).toFixed(1).padStart(5)} %`);

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help'))
    return console.log(
      `bench:forecast flags:\n${companyFlagsHelp()}\n  --runs <n>  (default 300)\n` +
        '  --warnings-only  measure only the early warnings (skips the backtest, the oracle and the timing)',
    );
  const warningsOnly = argv.includes('--warnings-only');
  const { params, rest } = parseCompanyFlags(
    argv.filter((a, i) => a !== '--warnings-only' && a !== '--runs' && argv[i - 1] !== '--runs'),
  );
  if (rest.length) throw new Error(`Unknown flags: ${rest.join(' ')} (see --help).`);
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 300;
  let t = process.hrtime.bigint();
  const company = generateCompany(params);
  console.log(
    `Company: seed ${params.seed}, ${params.salespeople} salespeople in ${params.units} units, ${params.months} months of ` +
      `history + ${params.origins} origins; lines ${company.lines.map((l) => `${l.code} ${l.cycleMinDays}-${l.cycleMaxDays} d`).join(', ')}; ` +
      `${company.prospects.size} prospects, ${company.events.length} log rows (${(ms(t) / 1000).toFixed(1)} s).`,
  );

  if (warningsOnly) return printWarnings(company);

  let oracleMs = 0;
  const oracle = (asOf: Date) => {
    const s = process.hrtime.bigint();
    const o = oracleForecast(company, asOf, 3, 100, params.seed + 17);
    const points = new Map([...o].map(([k, v]) => [k, new Map([...v].map(([p, q]) => [p, q.p50]))]));
    oracleMs += ms(s);
    return points;
  };
  t = process.hrtime.bigint();
  const result = runBacktest(company.events, company.lines, company.plans, company.origins, {
    runs,
    seed: params.seed,
    extra: { oracle },
  });
  const backtestMs = ms(t) - oracleMs;
  console.log(
    `\nBacktest over ${result.origins.length} monthly origins (${result.origins[0]} .. ${result.origins.at(-1)}): signed contracts, P50 vs actual`,
  );
  const methods = ['model', 'oracle', 'stage_weights', 'run_rate', 'plans'];
  const row = (e: BacktestError | undefined) => `${pct(e?.wape ?? null)} ${pct(e?.mape ?? null)}`;
  console.log(
    `${'horizon'.padEnd(18)} ${'level'.padEnd(5)} ${methods.map((m) => `${m} WAPE / MAPE`.padEnd(17)).join(' ')}`,
  );
  for (const horizon of ['month_1', 'month_2', 'month_3', 'next_3_months', 'quarter_at_start'] as const) {
    for (const level of ['all', 'unit'] as const) {
      const cells = methods.map((m) =>
        row(result.errors.find((e) => e.method === m && e.horizon === horizon && e.level === level)),
      );
      console.log(`${horizon.padEnd(18)} ${level.padEnd(5)} ${cells.map((c) => c.padEnd(17)).join(' ')}`);
    }
  }
  const goal = (level: 'all' | 'unit') => {
    const w = (m: string) =>
      result.errors.find((e) => e.method === m && e.horizon === 'quarter_at_start' && e.level === level)?.wape ?? NaN;
    const [model, orc, weights] = [w('model'), w('oracle'), w('stage_weights')];
    return `${level}: model ${pct(model)} = ${(model / orc).toFixed(2)}x the oracle (goal <= 1.2x), ${((1 - model / weights) * 100).toFixed(0)} % below stage weights (goal >= 30 %)`;
  };
  console.log(`\nNext quarter at the quarter's start — ${goal('all')}; ${goal('unit')}`);
  console.log('80 % interval coverage (goal 75-85 %):');
  for (const c of result.coverage)
    console.log(`  ${c.horizon.padEnd(18)} ${c.level.padEnd(5)} ${pct(c.coverage)} of ${c.cells}`);
  console.log(
    `Brier score of deal probabilities: ${result.brier.map((b) => `${b.method} ${b.score?.toFixed(4)} (${b.deals} deals)`).join(', ')}`,
  );

  printWarnings(company);

  // One unit over a year of history: the prospects of the first unit that entered in the year before the last origin.
  const asOf = company.origins.at(-1)!;
  const unit = company.units[0].id;
  const yearAgo = asOf.getTime() - 365 * 86_400_000;
  const first = new Map<string, number>();
  for (const e of company.events) if (!first.has(e.prospectId)) first.set(e.prospectId, e.at.getTime());
  const unitLog: LogEvent[] = company.events.filter((e) => e.unitId === unit && first.get(e.prospectId)! >= yearAgo);
  forecastSignings(unitLog, company.lines, asOf, { runs: 500 });
  t = process.hrtime.bigint();
  const f = forecastSignings(unitLog, company.lines, asOf, { runs: 500 });
  const unitMs = ms(t);
  console.log(
    `\nTimes: one unit's forecast over a year of history (${unitLog.length} log rows, ${f.deals.length} open deals, 500 runs) ` +
      `${unitMs.toFixed(0)} ms (goal <= 500 ms); backtest of ${result.origins.length} origins ${(backtestMs / 1000).toFixed(1)} s ` +
      `(${runs} runs each; the oracle's ${(oracleMs / 1000).toFixed(1)} s apart).`,
  );
}

function printWarnings(company: SyntheticCompany): void {
  console.log('\nEarly warnings (goal: >= 90 % of weak flagged within 60 days, <= 10 % of normal ever flagged):');
  for (const m of measureWarnings(company)) {
    console.log(
      `  ${m.detector.padEnd(38)} recall ${pct(m.recall60)} of ${m.weak} weak (flagged before the start: ${m.flaggedBeforeStart}), ` +
        `normal ever flagged ${pct(m.normalEverFlagged)} of ${m.normal}, lead days median ${m.leadDays.median ?? '-'} max ${m.leadDays.max ?? '-'}`,
    );
  }
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
