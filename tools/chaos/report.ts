import { CheckFigures } from './checks';
import { FaultFigures } from './faults';
import { ChaosOptions } from './options';

export interface ChaosSummary {
  backend: string;
  replicas: number;
  seed: number;
  deals: number;
  dealsCompleted: number;
  kills: number;
  killsAfterWrite: number;
  killsByService: Record<string, number>;
  wipes: number;
  dbRestarts: number;
  dbTerminations: number;
  apiRetries: number;
  /** Creates applied whose answer was lost (409 idempotency_answer_lost), read back instead of created again. */
  answersLost: number;
  lost: number;
  duplicated: number;
  stuck: number;
  unexplainedDeadLetters: number;
  deadLetters: number;
  webhookResends: number;
  /** Seconds from the last fault until every check passed (null: it never did within the drain timeout). */
  drainSeconds: number | null;
  runSeconds: number;
  seen: Record<string, number>;
  findings: CheckFigures['findings'];
  /** Why each unfinished deal stopped ("deal 2: POST /api/offers/…/submit: no answer within 240 s (last 502)"). */
  dealErrors: string[];
  skipped: string[];
  ok: boolean;
}

export function summarize(
  options: ChaosOptions,
  faults: FaultFigures,
  checks: CheckFigures,
  run: {
    dealsCompleted: number;
    dealErrors: string[];
    apiRetries: number;
    answersLost: number;
    drainSeconds: number | null;
    runSeconds: number;
  },
): ChaosSummary {
  const total = (kind: string) => checks.findings.filter((f) => f.kind === kind).reduce((s, f) => s + f.count, 0);
  const incomplete = options.deals - run.dealsCompleted;
  const summary = {
    backend: options.backend,
    replicas: options.replicas,
    seed: options.seed,
    deals: options.deals,
    dealsCompleted: run.dealsCompleted,
    kills: faults.kills,
    killsAfterWrite: faults.killsAfterWrite,
    killsByService: faults.killsByService,
    wipes: faults.wipes,
    dbRestarts: faults.dbRestarts,
    dbTerminations: faults.dbTerminations,
    apiRetries: run.apiRetries,
    answersLost: run.answersLost,
    lost: total('lost'),
    duplicated: total('duplicated'),
    stuck: total('stuck'),
    unexplainedDeadLetters: total('unexplained'),
    deadLetters: checks.deadLetters,
    webhookResends: checks.webhookResends,
    drainSeconds: run.drainSeconds,
    runSeconds: run.runSeconds,
    seen: checks.seen,
    findings: checks.findings,
    dealErrors: run.dealErrors,
    skipped: faults.skipped,
  };
  const ok =
    summary.lost + summary.duplicated + summary.stuck + summary.unexplainedDeadLetters === 0 &&
    incomplete === 0 &&
    run.drainSeconds !== null;
  return { ...summary, ok };
}

/** The figures for a person, then one JSON line (`chaos-summary {…}`) for scripts and the e2e test. */
export function printSummary(s: ChaosSummary, write: (line: string) => void): void {
  const byService = Object.entries(s.killsByService)
    .map(([name, k]) => `${name} ${k}`)
    .join(', ');
  write('');
  write(`chaos run: ${s.backend} backend, ${s.replicas} replica(s), seed ${s.seed}, ${s.runSeconds} s`);
  write(
    `  deals:        ${s.dealsCompleted} of ${s.deals} walked to their contract case (${s.apiRetries} API retries, ` +
      `${s.answersLost} creates' answers lost and read back)`,
  );
  write(
    `  kills:        ${s.kills} SIGKILLs (${s.killsAfterWrite} right after a write)${byService ? `: ${byService}` : ''}`,
  );
  write(`  queue store:  ${s.wipes} wipes`);
  write(`  database:     ${s.dbRestarts} restarts, ${s.dbTerminations} connection terminations`);
  for (const skipped of s.skipped) write(`  skipped:      ${skipped}`);
  write(
    `  checked:      ${Object.entries(s.seen)
      .map(([what, count]) => `${count} ${what}`)
      .join(', ')}`,
  );
  write(`  lost:         ${s.lost}`);
  write(`  duplicated:   ${s.duplicated}`);
  write(`  stuck:        ${s.stuck}`);
  write(`  dead letters: ${s.deadLetters} (${s.unexplainedDeadLetters} unexplained)`);
  write(`  webhook resends (at least once, same delivery id): ${s.webhookResends}`);
  write(
    `  drained:      ${s.drainSeconds === null ? 'NOT within the drain timeout' : `${s.drainSeconds} s after the last fault`}`,
  );
  for (const f of s.findings) write(`  ${f.kind.toUpperCase()}: ${f.what} (${f.count})`);
  for (const e of s.dealErrors) write(`  STOPPED: ${e}`);
  write(s.ok ? 'chaos: OK' : 'chaos: FAILED');
  write(`chaos-summary ${JSON.stringify(s)}`);
}
