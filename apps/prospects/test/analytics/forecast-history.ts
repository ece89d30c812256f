import { randomUUID } from 'node:crypto';
import { GeneratedProspect, LogRow, Stage } from './funnel-generator';

// A small sales history for the signed-contract forecast: prospects that go through the stages in about a month.
const DAY = 86_400_000;
const PATH: [days: number, eventKind: string, to: Stage][] = [
  [4, 'meeting_scheduled', 'needs_identification'],
  [6, 'brief_completed', 'offer_formation'],
  [5, 'offer_approved', 'offer_defence'],
  [5, 'defence_recorded', 'contract'],
];

export interface Seller {
  userId: string;
  unitId: string;
}

/**
 * A prospect that enters primary contact at `start` (no owner on that row, as with a head's sample) and takes
 * `steps` moves of PATH, then is signed 8 days later (`won`), lost 3 days later (`lost`) or stays open.
 */
export function forecastProspect(
  seller: Seller,
  productLineId: string,
  start: Date,
  steps: number,
  end: 'won' | 'lost' | 'open',
): GeneratedProspect {
  const id = randomUUID();
  let at = start;
  let stage: Stage = 'primary_contact';
  let stageEnteredAt = at;
  const base = { prospectId: id, unitId: seller.unitId, productLineId, lostReason: null };
  const rows: LogRow[] = [
    {
      ...base,
      eventKind: 'sample_approved',
      fromStage: 'sampling',
      toStage: stage,
      fromStatus: 'active',
      toStatus: 'active',
      at,
      ownerId: null,
    },
  ];
  for (const [days, eventKind, to] of PATH.slice(0, steps)) {
    at = new Date(at.getTime() + days * DAY);
    rows.push({
      ...base,
      eventKind,
      fromStage: stage,
      toStage: to,
      fromStatus: 'active',
      toStatus: 'active',
      at,
      ownerId: seller.userId,
    });
    [stage, stageEnteredAt] = [to, at];
  }
  if (end !== 'open') {
    at = new Date(at.getTime() + (end === 'won' ? 8 : 3) * DAY);
    rows.push({
      ...base,
      eventKind: end === 'won' ? 'contract_signed' : 'lost',
      fromStage: stage,
      toStage: stage,
      fromStatus: 'active',
      toStatus: end,
      at,
      ownerId: seller.userId,
      lostReason: end === 'lost' ? 'no_budget' : null,
    });
  }
  return {
    id,
    ownerId: seller.userId,
    unitId: seller.unitId,
    productLineId,
    rows,
    meetingHeldAt: null,
    briefAt: null,
    stage,
    status: end === 'open' ? 'active' : end,
    stageEnteredAt,
  };
}

/**
 * Every 4 days from `first` for `days` days each salesperson starts a prospect (a day apart); two of three are
 * signed, one of three is lost at a stage that depends on its number.
 */
export function forecastHistory(sellers: Seller[], productLineId: string, first: Date, days: number) {
  const history: GeneratedProspect[] = [];
  for (let i = 0; i * 4 < days; i++) {
    for (const [k, seller] of sellers.entries()) {
      const start = new Date(first.getTime() + (i * 4 + k) * DAY);
      const lost = (i + k) % 3 === 1;
      history.push(forecastProspect(seller, productLineId, start, lost ? 1 + ((i + k) % 4) : 4, lost ? 'lost' : 'won'));
    }
  }
  return history;
}
