import { DAY_MS } from './hazards';
import { LogAsOf, Stay } from './transition-log';

/**
 * One report of the contracts service (`contract.tasks_due`): when the legal/accounting tasks a prospect's signing
 * waits for are due (`signingDue` in libs/domain/src/contracts), `null` when none is open. A higher `sequence` is newer.
 */
export interface ContractDueReport {
  readonly prospectId: string;
  readonly dueAt: Date | null;
  readonly reportedAt: Date;
  readonly sequence: number;
}

/** Days from the due date to the signing, as weighted samples (weights sum to 1). */
export interface Lateness {
  readonly days: readonly number[];
  readonly weights: readonly number[];
  /** Signed contracts the samples come from; 0 for the default rule. */
  readonly contracts: number;
}

/** Signed contracts with a reported due date needed before their lateness replaces the default rule. */
export const MIN_LATENESS_CONTRACTS = 5;

/**
 * The default rule: signing falls evenly over the 7 days from the due date (the tasks done by their date, the
 * signature arranged within a week). Midpoints of the days, so each day holds a seventh.
 */
export const DEFAULT_LATENESS: Lateness = {
  days: [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5],
  weights: Array<number>(7).fill(1 / 7),
  contracts: 0,
};

/**
 * How late contracts signed before the as-of time were against the due dates they reported: each report with a due
 * date, received before the signing, gives the days from that date to the signing (negative: signed before it), and
 * each contract weighs 1 in all, shared by its reports (a case reports on every task done). Fewer than
 * `MIN_LATENESS_CONTRACTS` contracts: the default rule.
 */
export function estimateLateness(
  reports: readonly ContractDueReport[],
  won: LogAsOf['won'],
  minContracts = MIN_LATENESS_CONTRACTS,
): Lateness {
  const byProspect = new Map<string, ContractDueReport[]>();
  for (const r of reports) {
    if (r.dueAt === null) continue;
    const list = byProspect.get(r.prospectId) ?? byProspect.set(r.prospectId, []).get(r.prospectId)!;
    list.push(r);
  }
  const days: number[] = [];
  const weights: number[] = [];
  let contracts = 0;
  for (const w of won) {
    const before = (byProspect.get(w.prospectId) ?? []).filter((r) => r.reportedAt.getTime() <= w.at);
    if (before.length === 0) continue;
    contracts++;
    for (const r of before) {
      days.push((w.at - r.dueAt!.getTime()) / DAY_MS);
      weights.push(1 / before.length);
    }
  }
  if (contracts < minContracts) return DEFAULT_LATENESS;
  return { days, weights: weights.map((x) => x / contracts), contracts };
}

/** Each prospect's newest report received before `asOf`. */
export function latestContractDue(reports: readonly ContractDueReport[], asOf: Date): Map<string, ContractDueReport> {
  const latest = new Map<string, ContractDueReport>();
  for (const r of reports) {
    if (r.reportedAt.getTime() >= asOf.getTime()) continue;
    const seen = latest.get(r.prospectId);
    if (!seen || seen.sequence < r.sequence) latest.set(r.prospectId, r);
  }
  return latest;
}

/**
 * The signing curve of a contract-stage deal whose tasks are due on `dueAt`: the stage's own chance to finish with a
 * signature (`chance`, from its time-in-stage hazards) is kept, and only its timing moves to the due date plus the
 * lateness. The curve is per bin of `binDays` from `asOf`, `steps` bins long (mass past them is beyond the horizon).
 * A signing day already past cannot happen (the deal is still open): the lateness is taken given that, so an overdue
 * deal signs later the more overdue it is; overdue beyond every sample, the default rule runs from `asOf`.
 */
export function contractDueCurve(input: {
  readonly chance: number;
  readonly dueAt: Date;
  readonly asOf: Date;
  readonly lateness: Lateness;
  readonly binDays: number;
  readonly steps: number;
}): { curve: Float64Array; fromNow: boolean } {
  const curve = new Float64Array(input.steps);
  const dueDay = (input.dueAt.getTime() - input.asOf.getTime()) / DAY_MS;
  const spread = (from: number, lateness: Lateness) => {
    const kept = lateness.days.map((d, i) => ({ day: from + d, w: lateness.weights[i] })).filter((s) => s.day >= 0);
    const total = kept.reduce((sum, s) => sum + s.w, 0);
    if (total <= 1e-12) return false;
    for (const s of kept) {
      const bin = Math.floor(s.day / input.binDays);
      if (bin < input.steps) curve[bin] += (input.chance * s.w) / total;
    }
    return true;
  };
  if (spread(dueDay, input.lateness)) return { curve, fromNow: false };
  spread(0, DEFAULT_LATENESS);
  return { curve, fromNow: true };
}

/**
 * The clause a deal's reason gets, e.g. "contract tasks due 2027-01-15 (3 days overdue), so signing is timed from
 * that date by the lateness of 12 signed contracts against their tasks' due dates".
 */
export function contractDueReason(dueAt: Date, asOf: Date, lateness: Lateness, fromNow: boolean): string {
  const overdueDays = Math.ceil((asOf.getTime() - dueAt.getTime()) / DAY_MS);
  const overdue = overdueDays > 0 ? ` (${overdueDays} ${overdueDays === 1 ? 'day' : 'days'} overdue)` : '';
  const timing = fromNow
    ? `${lateness.contracts > 0 ? 'later than any signing seen' : 'past the week allowed after it'}, so signing is expected within a week from now`
    : lateness.contracts > 0
      ? `so signing is timed from that date by the lateness of ${lateness.contracts} signed contracts against their tasks' due dates`
      : 'so signing is timed within a week after that date';
  return `contract tasks due ${dueAt.toISOString().slice(0, 10)}${overdue}, ${timing}`;
}

/** A contract-stage deal's curve and reason clause when contracts reported a due date for it. */
export interface ContractDueAnchor {
  readonly curve: Float64Array;
  readonly reason: string;
}

/**
 * The due-date anchoring of a forecast as of `asOf`: each prospect's newest report before it, and the lateness of
 * the contracts signed before it. The answer gives a deal its anchored curve, or null (not in the contract stage, no
 * report, or nothing open: a case whose tasks are all done keeps the stage's hazards).
 */
export function contractDueAnchors(
  reports: readonly ContractDueReport[],
  asOf: Date,
  won: LogAsOf['won'],
): (
  stay: Pick<Stay, 'prospectId' | 'stage'>,
  chance: () => number,
  binDays: number,
  steps: number,
) => ContractDueAnchor | null {
  const latest = latestContractDue(reports, asOf);
  const lateness = estimateLateness(reports, won);
  return (stay, chance, binDays, steps) => {
    const dueAt = stay.stage === 'contract' ? (latest.get(stay.prospectId)?.dueAt ?? null) : null;
    if (dueAt === null) return null;
    const { curve, fromNow } = contractDueCurve({ chance: chance(), dueAt, asOf, lateness, binDays, steps });
    return { curve, reason: contractDueReason(dueAt, asOf, lateness, fromNow) };
  };
}
