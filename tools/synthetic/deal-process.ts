import { Random } from '@dealgate/domain';

export const DAY_MS = 86_400_000;
/** Each open stage's share of a deal's cycle (contact, needs, offer, defence, contract). */
export const STAGE_SHARES = [0.15, 0.2, 0.15, 0.25, 0.25];
export const NEEDS_STAGE = 1;

/** The generator's truth about one salesperson. */
export interface SellerTruth {
  readonly id: string;
  readonly unitId: string;
  /** Chance to finish each open stage with a result (meeting, brief, offer, defence, signature). */
  readonly rates: readonly number[];
  /** New prospects per day before seasonality. */
  readonly inflowPerDay: number;
  readonly weakFrom: number | null;
  /** Plans are the expected arrivals at the contract stage times this. */
  readonly optimism: number;
}

/** One stage of one deal: whether it advances and when, given the deal's cycle and when it entered. */
export function stageExit(
  random: Random,
  seller: SellerTruth,
  stage: number,
  enteredAt: number,
  cycleDays: number,
  weakBriefShare: number,
): { advance: boolean; at: number } {
  const mean = STAGE_SHARES[stage] * cycleDays;
  const advance = random.next() < seller.rates[stage];
  const days = advance ? mean * (0.5 + random.next()) : mean * (0.2 + random.next());
  const at = enteredAt + days * DAY_MS;
  // A weak salesperson works the companies but stops turning meetings into briefs: the deal stalls, then drops.
  if (advance && stage === NEEDS_STAGE && seller.weakFrom !== null && at >= seller.weakFrom) {
    if (random.next() >= weakBriefShare / seller.rates[stage]) return { advance: false, at: at + days * DAY_MS };
  }
  return { advance, at };
}

/**
 * A stage exit conditional on the deal still being in the stage at `asOf` (rejection sampling of the same process),
 * as the oracle needs for an open deal.
 */
export function stageExitAfter(
  random: Random,
  seller: SellerTruth,
  stage: number,
  enteredAt: number,
  cycleDays: number,
  weakBriefShare: number,
  asOf: number,
): { advance: boolean; at: number } {
  let exit = stageExit(random, seller, stage, enteredAt, cycleDays, weakBriefShare);
  for (let tries = 0; exit.at < asOf && tries < 200; tries++) {
    exit = stageExit(random, seller, stage, enteredAt, cycleDays, weakBriefShare);
  }
  return exit.at < asOf ? { advance: exit.advance, at: asOf } : exit;
}

/** Yearly swing of new prospects: 1 ± amplitude, highest in spring. */
export function season(at: number, amplitude: number): number {
  const month = new Date(at).getUTCMonth();
  return 1 + amplitude * Math.sin((2 * Math.PI * (month - 1)) / 12);
}

export function normal(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

export function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
