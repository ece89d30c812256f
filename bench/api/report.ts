import type { LoadResult } from './load';

export interface ApiReportInput {
  prospects: number;
  seconds: number;
  backend: string;
  /** By target (gateway, direct, bare), then by connection count. */
  results: Record<string, Record<number, LoadResult>>;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const pct = (value: number) => `${(value * 100).toFixed(0)} %`;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** The table of every run, then the three goals of issue #19 as ratios of this run's figures. */
export function apiReport({ prospects, seconds, backend, results }: ApiReportInput): string {
  const lines = [
    `GET /api/prospects?limit=50, a salesperson owning ${prospects} prospects; queue backend ${backend}; ${seconds} s per run`,
    `${'target'.padEnd(44)}${'conns'.padStart(6)}${'req/s'.padStart(9)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'errors'.padStart(8)}`,
  ];
  const label: Record<string, string> = {
    gateway: 'through the gateway',
    direct: 'directly on the prospects service',
    bare: 'baseline: bare NestJS, same SQL, same pool',
  };
  for (const [target, byConnections] of Object.entries(results)) {
    for (const [connections, r] of Object.entries(byConnections)) {
      lines.push(
        `${label[target].padEnd(44)}${connections.padStart(6)}${r.rps.toFixed(0).padStart(9)}${ms(r.p50).padStart(11)}${ms(r.p99).padStart(11)}${String(r.errors).padStart(8)}`,
      );
    }
  }
  const { gateway, direct, bare } = results;
  lines.push('goals:');
  for (const c of Object.keys(gateway).map(Number)) {
    const viaGateway = gateway[c].rps / direct[c].rps;
    const service = direct[c].rps / bare[c].rps;
    lines.push(
      `  ${c} connections: gateway / direct ${pct(viaGateway)} (goal >= 90 %: ${verdict(viaGateway >= 0.9)}); ` +
        `service / bare ${pct(service)} (goal >= 50 %: ${verdict(service >= 0.5)})`,
    );
  }
  const at200 = 200;
  if (gateway[at200] && bare[at200]) {
    const ratio = gateway[at200].p99 / bare[at200].p99;
    const directRatio = direct[at200].p99 / bare[at200].p99;
    lines.push(
      `  p99 at 200 connections vs the baseline's: gateway ${ratio.toFixed(1)}x, direct ${directRatio.toFixed(1)}x ` +
        `(goal <= 2x: ${verdict(ratio <= 2)})`,
    );
  }
  return lines.join('\n');
}
