import { PRODUCT_LINE_PRESETS } from '@dealgate/domain';

/** A product line of the synthetic company: its cycle (days) and its share of new prospects. */
export interface SyntheticLine {
  readonly code: string;
  readonly cycleMinDays: number;
  readonly cycleMaxDays: number;
  readonly share: number;
  /** Mean contract value in minor units. */
  readonly meanValueMinor: number;
}

/** Every knob of the generator; each one is a command-line flag (see `parseCompanyFlags`). */
export interface CompanyParams {
  readonly seed: number;
  readonly salespeople: number;
  readonly units: number;
  /** Months of history before the first backtest origin. */
  readonly months: number;
  /** Monthly backtest origins after the history (the log runs three months past the last one). */
  readonly origins: number;
  readonly start: string;
  /** Meetings scheduled per salesperson per month (the norm: 40-45). */
  readonly meetings: number;
  /** Share of contacted prospects that get a meeting. */
  readonly meetingShare: number;
  /** Briefs per meeting held (the norm: > 50 %). */
  readonly briefShare: number;
  /** Approved offers per brief. */
  readonly offerShare: number;
  /** Meetings that end in a signed contract (the norm: 10-30 %); sets the defence rate. */
  readonly contractShare: number;
  /** Contracts signed per accepted defence. */
  readonly signShare: number;
  /** Spread of each salesperson's rates around the company's (log-normal sigma). */
  readonly spread: number;
  /** Amplitude of the yearly swing of new prospects (0.2 = ±20 %). */
  readonly seasonality: number;
  readonly weakShare: number;
  /** Month (from the start) from which weaknesses begin, each at a random day of the following six months. */
  readonly weaknessStart: number;
  /** A weak salesperson's briefs per meeting held after the weakness starts. */
  readonly weakBriefShare: number;
  readonly lines: readonly SyntheticLine[];
}

const VALUES: Record<string, number> = {
  software: 3_000_000,
  industrial_equipment: 40_000_000,
  professional_services: 1_500_000,
  supplies: 300_000,
};

export const DEFAULT_COMPANY: CompanyParams = {
  seed: 1,
  salespeople: 50,
  units: 10,
  months: 24,
  origins: 24,
  start: '2023-01-01',
  meetings: 42,
  meetingShare: 0.45,
  briefShare: 0.6,
  offerShare: 0.8,
  contractShare: 0.2,
  signShare: 0.9,
  spread: 0.15,
  seasonality: 0.2,
  weakShare: 0.1,
  weaknessStart: 30,
  weakBriefShare: 0.03,
  lines: PRODUCT_LINE_PRESETS.map((l) => ({
    code: l.code,
    cycleMinDays: l.cycleDays.min,
    cycleMaxDays: l.cycleDays.max,
    share: 0.25,
    meanValueMinor: VALUES[l.code] ?? 1_000_000,
  })),
};

const NUMERIC: (keyof CompanyParams)[] = [
  'seed',
  'salespeople',
  'units',
  'months',
  'origins',
  'meetings',
  'meetingShare',
  'briefShare',
  'offerShare',
  'contractShare',
  'signShare',
  'spread',
  'seasonality',
  'weakShare',
  'weaknessStart',
  'weakBriefShare',
];
const flagOf = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** One line per flag, for `--help`. */
export function companyFlagsHelp(): string {
  const lines = NUMERIC.map((k) => `  ${flagOf(k)} <number>  (default ${DEFAULT_COMPANY[k] as number})`);
  lines.push(`  --start <YYYY-MM-DD>  (default ${DEFAULT_COMPANY.start})`);
  lines.push('  --cycles code:min-max,...  e.g. software:120-150,supplies:30-60 (lines not listed are left out)');
  lines.push('  --line-shares code:share,...  share of new prospects per line (default equal)');
  return lines.join('\n');
}

/** Reads `--flag value` pairs; unknown flags and bad numbers throw, naming the flag. Returns the rest of argv too. */
export function parseCompanyFlags(argv: readonly string[]): { params: CompanyParams; rest: string[] } {
  const params: Record<string, unknown> = { ...DEFAULT_COMPANY };
  const rest: string[] = [];
  let lines = [...DEFAULT_COMPANY.lines];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const key = NUMERIC.find((k) => flagOf(k) === flag);
    const value = argv[i + 1];
    if (key) {
      const n = Number(value);
      if (value === undefined || !Number.isFinite(n)) throw new Error(`${flag} needs a number.`);
      params[key] = n;
      i++;
    } else if (flag === '--start') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value ?? '')) throw new Error('--start needs a date YYYY-MM-DD.');
      params.start = value;
      i++;
    } else if (flag === '--cycles') {
      lines = parsePairs(flag, value).map(([code, range]) => {
        const [min, max] = range.split('-').map(Number);
        const base = lines.find((l) => l.code === code) ?? { code, share: 0.25, meanValueMinor: 1_000_000 };
        if (!(min > 0 && max >= min)) throw new Error(`--cycles needs code:min-max days (got ${code}:${range}).`);
        return { ...base, cycleMinDays: min, cycleMaxDays: max };
      });
      i++;
    } else if (flag === '--line-shares') {
      const shares = new Map(parsePairs(flag, value).map(([code, s]) => [code, Number(s)]));
      lines = lines.map((l) => ({ ...l, share: shares.get(l.code) ?? 0 }));
      i++;
    } else rest.push(flag);
  }
  const p = { ...params, lines } as unknown as CompanyParams;
  const defence = p.contractShare / (p.briefShare * p.offerShare * p.signShare);
  if (defence > 1) throw new Error('--contract-share is more than brief × offer × sign shares allow.');
  if (p.salespeople < 1 || p.units < 1 || p.units > p.salespeople) throw new Error('--units must be 1..salespeople.');
  return { params: p, rest };
}

function parsePairs(flag: string, value: string | undefined): [string, string][] {
  if (!value) throw new Error(`${flag} needs a value.`);
  return value.split(',').map((pair) => {
    const [code, v] = pair.split(':');
    if (!code || !v) throw new Error(`${flag} needs code:value pairs (got ${pair}).`);
    return [code, v];
  });
}
