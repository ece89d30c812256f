import { DAY_MS, OPEN_STAGES, openStageIndex } from './hazards';
import { Stay } from './transition-log';

/** Stays of a group that ended (advanced or lost), possibly weighted by recency. */
export interface AdvanceCounts {
  readonly advanced: number;
  readonly total: number;
}

const MIN_STRENGTH = 2;
const MAX_STRENGTH = 1000;

/**
 * The prior strength m of a beta-binomial model by the method of moments: the spread of the groups' rates beyond
 * what binomial noise explains is the between-group variance τ², and m = p(1-p)/τ² - 1. Groups that differ no more
 * than chance give the largest m (full pooling).
 */
export function betaBinomialStrength(groups: readonly AdvanceCounts[]): number {
  const used = groups.filter((g) => g.total > 0);
  const N = used.reduce((s, g) => s + g.total, 0);
  if (used.length < 2 || N === 0) return MAX_STRENGTH;
  const p = used.reduce((s, g) => s + g.advanced, 0) / N;
  if (p <= 0 || p >= 1) return MAX_STRENGTH;
  const spread = used.reduce((s, g) => s + g.total * (g.advanced / g.total - p) ** 2, 0) / N;
  const tau2 = spread - (p * (1 - p) * used.length) / N;
  if (tau2 <= 0) return MAX_STRENGTH;
  return Math.min(MAX_STRENGTH, Math.max(MIN_STRENGTH, (p * (1 - p)) / tau2 - 1));
}

/** Posterior mean of a rate under a Beta(m·prior, m·(1-prior)) prior. */
export function shrinkRate(counts: AdvanceCounts, prior: number, strength: number): number {
  return (counts.advanced + strength * prior) / (counts.total + strength);
}

const odds = (p: number) => Math.min(Math.max(p, 1e-4), 1 - 1e-4) / (1 - Math.min(Math.max(p, 1e-4), 1 - 1e-4));

/**
 * Per stage, each salesperson's chance to finish a stay with a result, shrunk toward their unit's, the unit's
 * shrunk toward the company's; expressed as odds ratios against the company so they can tilt the product-line
 * hazards. Stays count with weight 1/2 per `halfLifeDays` of age, so a recent change in a salesperson shows.
 */
export interface SellerEffects {
  /** Odds ratio per open stage (index of OPEN_STAGES) for a salesperson (or `null`: the unit's). */
  oddsRatios(ownerId: string | null, unitId: string): readonly number[];
  /** The shrunk advance rates behind those ratios (for the reason of a deal's forecast). */
  rates(ownerId: string | null, unitId: string): readonly number[];
}

export function estimateSellerEffects(stays: readonly Stay[], asOf: number, halfLifeDays: number): SellerEffects {
  const stages = OPEN_STAGES.length;
  const seller = new Map<string, { unitId: string; a: number[]; n: number[] }>();
  const unit = new Map<string, { a: number[]; n: number[] }>();
  const company = { a: new Array<number>(stages).fill(0), n: new Array<number>(stages).fill(0) };
  const blank = () => ({ a: new Array<number>(stages).fill(0), n: new Array<number>(stages).fill(0) });
  for (const stay of stays) {
    if (stay.outcome === 'open') continue;
    const i = openStageIndex(stay.stage);
    if (i < 0) continue;
    const w = 0.5 ** ((asOf - stay.endedAt) / DAY_MS / halfLifeDays);
    const won = stay.outcome === 'advance' ? w : 0;
    const u = unit.get(stay.unitId) ?? unit.set(stay.unitId, blank()).get(stay.unitId)!;
    for (const g of [company, u]) {
      g.a[i] += won;
      g.n[i] += w;
    }
    if (stay.ownerId === null) continue;
    const s =
      seller.get(stay.ownerId) ?? seller.set(stay.ownerId, { unitId: stay.unitId, ...blank() }).get(stay.ownerId)!;
    s.a[i] += won;
    s.n[i] += w;
  }
  const pc = company.a.map((a, i) => (company.n[i] > 0 ? a / company.n[i] : 0.5));
  const unitStrength = pc.map((_, i) =>
    betaBinomialStrength([...unit.values()].map((g) => ({ advanced: g.a[i], total: g.n[i] }))),
  );
  const sellerStrength = pc.map((_, i) =>
    betaBinomialStrength([...seller.values()].map((g) => ({ advanced: g.a[i], total: g.n[i] }))),
  );
  const unitRates = (unitId: string) => {
    const g = unit.get(unitId);
    return pc.map((p, i) => (g ? shrinkRate({ advanced: g.a[i], total: g.n[i] }, p, unitStrength[i]) : p));
  };
  const cache = new Map<string, { rates: number[]; ratios: number[] }>();
  const lookup = (ownerId: string | null, unitId: string) => {
    const key = `${ownerId}|${unitId}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const base = unitRates(unitId);
    const s = ownerId === null ? undefined : seller.get(ownerId);
    const rates = base.map((p, i) => (s ? shrinkRate({ advanced: s.a[i], total: s.n[i] }, p, sellerStrength[i]) : p));
    const entry = { rates, ratios: rates.map((p, i) => odds(p) / odds(pc[i])) };
    cache.set(key, entry);
    return entry;
  };
  return {
    oddsRatios: (ownerId, unitId) => lookup(ownerId, unitId).ratios,
    rates: (ownerId, unitId) => lookup(ownerId, unitId).rates,
  };
}
