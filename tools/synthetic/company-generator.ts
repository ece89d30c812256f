import { LogEvent, poisson, seededRandom } from '@dealgate/domain';
import { CompanyParams, SyntheticLine } from './company-params';
import { DAY_MS, SellerTruth, normal, season, stageExit, uuidFrom } from './deal-process';

const STAGES = ['primary_contact', 'needs_identification', 'offer_formation', 'offer_defence', 'contract'] as const;
const KINDS = ['meeting_scheduled', 'brief_completed', 'offer_approved', 'defence_recorded'];

export interface SyntheticEvent extends LogEvent {
  readonly eventKind: string;
}

export interface SyntheticPlan {
  readonly period: string;
  readonly salespersonId: string;
  readonly unitId: string;
  readonly stage: 'contract';
  readonly count: number;
}

/** A generated company: its people and lines, the transition log, the plans, and the truth behind them. */
export interface SyntheticCompany {
  readonly params: CompanyParams;
  readonly startAt: number;
  /** The log ends here (three months after the last origin). */
  readonly endAt: number;
  readonly origins: Date[];
  readonly units: { id: string; name: string }[];
  readonly sellers: SellerTruth[];
  readonly lines: (SyntheticLine & { id: string })[];
  /** In log order. */
  readonly events: SyntheticEvent[];
  readonly plans: SyntheticPlan[];
  /** Each prospect's drawn cycle (days) and value: the oracle needs the line, not these draws. */
  readonly prospects: Map<string, { lineIndex: number; sellerIndex: number; cycleDays: number; valueMinor: number }>;
}

const addMonths = (at: number, months: number) => {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
};

/** Generates the company day by day from its seed: the same flags always give the same log. */
export function generateCompany(p: CompanyParams): SyntheticCompany {
  const random = seededRandom(p.seed);
  const startAt = Date.parse(`${p.start}T00:00:00Z`);
  const origins = Array.from({ length: p.origins }, (_, i) => new Date(addMonths(startAt, p.months + i)));
  const endAt = addMonths(startAt, p.months + p.origins + 2);
  const units = Array.from({ length: p.units }, (_, i) => ({ id: uuidFrom(random), name: `Unit ${i + 1}` }));
  const lines = p.lines.map((l) => ({ id: uuidFrom(random), ...l }));
  const defence = p.contractShare / (p.briefShare * p.offerShare * p.signShare);
  const base = [p.meetingShare, p.briefShare, p.offerShare, defence, p.signShare];
  const weakCount = Math.round(p.salespeople * p.weakShare);
  const weakIdx = new Set<number>();
  while (weakIdx.size < weakCount) weakIdx.add(Math.floor(random.next() * p.salespeople));
  const sellers: SellerTruth[] = Array.from({ length: p.salespeople }, (_, i) => ({
    id: uuidFrom(random),
    unitId: units[i % p.units].id,
    rates: base.map((r) => Math.min(0.98, Math.max(0.02, r * Math.exp(p.spread * normal(random))))),
    inflowPerDay: (p.meetings / p.meetingShare / 30.44) * Math.exp(0.1 * normal(random)),
    weakFrom: weakIdx.has(i) ? addMonths(startAt, p.weaknessStart) + Math.floor(random.next() * 182) * DAY_MS : null,
    optimism: 0.9 + 0.5 * random.next(),
  }));
  const shareTotal = lines.reduce((s, l) => s + l.share, 0);
  const events: SyntheticEvent[] = [];
  const prospects: SyntheticCompany['prospects'] = new Map();
  for (let day = startAt; day < endAt; day += DAY_MS) {
    for (const [sellerIndex, seller] of sellers.entries()) {
      const arrivals = poisson(random, seller.inflowPerDay * season(day, p.seasonality));
      for (let a = 0; a < arrivals; a++) {
        let pick = random.next() * shareTotal;
        const lineIndex = Math.max(
          0,
          lines.findIndex((l) => (pick -= l.share) < 0),
        );
        const line = lines[lineIndex];
        const cycleDays = line.cycleMinDays + random.next() * (line.cycleMaxDays - line.cycleMinDays);
        const id = uuidFrom(random);
        const valueMinor = Math.round(line.meanValueMinor * Math.exp(0.5 * normal(random) - 0.125));
        prospects.set(id, { lineIndex, sellerIndex, cycleDays, valueMinor });
        const at = day + Math.floor(random.next() * DAY_MS);
        runDeal(events, {
          id,
          seller,
          lineId: line.id,
          cycleDays,
          valueMinor,
          at,
          endAt,
          weak: p.weakBriefShare,
          random,
        });
      }
    }
  }
  events.sort((x, y) => x.at.getTime() - y.at.getTime());
  return {
    params: p,
    startAt,
    endAt,
    origins,
    units,
    sellers,
    lines,
    events,
    plans: plans(p, sellers, startAt, endAt),
    prospects,
  };
}

function runDeal(
  out: SyntheticEvent[],
  d: {
    id: string;
    seller: SellerTruth;
    lineId: string;
    cycleDays: number;
    valueMinor: number;
    at: number;
    endAt: number;
    weak: number;
    random: ReturnType<typeof seededRandom>;
  },
): void {
  const row = (
    eventKind: string,
    from: LogEvent['fromStage'],
    to: LogEvent['toStage'],
    status: LogEvent['toStatus'],
    at: number,
    value: boolean,
  ): SyntheticEvent => ({
    prospectId: d.id,
    eventKind,
    fromStage: from,
    toStage: to,
    toStatus: status,
    at: new Date(at),
    productLineId: d.lineId,
    unitId: d.seller.unitId,
    ownerId: d.seller.id,
    valueMinor: value ? d.valueMinor : null,
  });
  out.push(row('sample_approved', 'sampling', 'primary_contact', 'active', d.at, false));
  let t = d.at;
  for (let s = 0; s < STAGES.length; s++) {
    const exit = stageExit(d.random, d.seller, s, t, d.cycleDays, d.weak);
    if (exit.at >= d.endAt) return;
    // The offer's value is known from its approval (the move into defence) on.
    const valued = s >= 2;
    if (!exit.advance) return void out.push(row('lost', STAGES[s], STAGES[s], 'lost', exit.at, s >= 3));
    if (s === STAGES.length - 1)
      return void out.push(row('contract_signed', 'contract', 'contract', 'won', exit.at, true));
    out.push(row(KINDS[s], STAGES[s], STAGES[s + 1], 'active', exit.at, valued));
    t = exit.at;
  }
}

/** Each salesperson plans arrivals at the contract stage: their true expectation times their optimism. */
function plans(p: CompanyParams, sellers: SellerTruth[], startAt: number, endAt: number): SyntheticPlan[] {
  const out: SyntheticPlan[] = [];
  for (let m = startAt; m < endAt; m = addMonths(m, 1)) {
    const period = new Date(m).toISOString().slice(0, 7);
    for (const s of sellers) {
      const reach = s.rates.slice(0, 4).reduce((x, r) => x * r, 1);
      const count = Math.round(s.inflowPerDay * 30.44 * season(m, p.seasonality) * reach * s.optimism);
      out.push({ period, salespersonId: s.id, unitId: s.unitId, stage: 'contract', count });
    }
  }
  return out;
}
