import type { SyntheticCompany, SyntheticEvent } from '../../../../tools/synthetic/company-generator';
import { GeneratedProspect, LogRow, Seller } from './funnel-generator';

/** Where a generated company lands in a test's database: its salespeople and units as real people, its lines by code. */
export interface CompanyPlacement {
  /** The test's salesperson (and their unit) standing for each generated salesperson, by the generator's id. */
  readonly sellers: ReadonlyMap<string, Seller>;
  /** The database's product line id for each generated line's code. */
  readonly lineIds: ReadonlyMap<string, string>;
}

/**
 * Places each generated salesperson on one of `people` of the same unit position: the generator's unit i becomes
 * `units[i]` and its salespeople take that unit's people in order (each person stands for at most one).
 */
export function placeSellers(
  company: SyntheticCompany,
  units: readonly { unitId: string; people: readonly string[] }[],
): Map<string, Seller> {
  const placed = new Map<string, Seller>();
  const taken = new Map<string, number>();
  for (const seller of company.sellers) {
    const u = company.units.findIndex((x) => x.id === seller.unitId);
    const unit = units[u];
    const n = taken.get(unit.unitId) ?? 0;
    if (n >= unit.people.length) throw new Error(`unit ${u} of the generated company has more salespeople than people`);
    taken.set(unit.unitId, n + 1);
    placed.set(seller.id, { userId: unit.people[n], unitId: unit.unitId });
  }
  return placed;
}

/** The generated log as the rows `insertFunnel` writes: each prospect with its moves, meeting and brief. */
export function companyProspects(company: SyntheticCompany, placement: CompanyPlacement): GeneratedProspect[] {
  const codeOf = new Map(company.lines.map((l) => [l.id, l.code]));
  const byProspect = new Map<string, SyntheticEvent[]>();
  for (const e of company.events)
    (byProspect.get(e.prospectId) ?? byProspect.set(e.prospectId, []).get(e.prospectId)!).push(e);
  return [...byProspect].map(([id, events]) => {
    const seller = placement.sellers.get(events[0].ownerId!)!;
    const productLineId = placement.lineIds.get(codeOf.get(events[0].productLineId)!)!;
    const rows: LogRow[] = events.map((e) => ({
      prospectId: id,
      eventKind: e.eventKind,
      fromStage: e.fromStage,
      toStage: e.toStage,
      fromStatus: 'active',
      toStatus: e.toStatus,
      at: e.at,
      ownerId: seller.userId,
      unitId: seller.unitId,
      productLineId,
      lostReason: e.toStatus === 'lost' ? 'no_budget' : null,
    }));
    const last = events[events.length - 1];
    const moved = [...events].reverse().find((e) => e.fromStage !== e.toStage) ?? events[0];
    // The meeting held is what the brief records; a prospect that never got a brief is counted by its move only.
    const brief = events.find((e) => e.eventKind === 'brief_completed');
    return {
      id,
      ownerId: seller.userId,
      unitId: seller.unitId,
      productLineId,
      rows,
      meetingHeldAt: brief ? brief.at : null,
      briefAt: brief ? brief.at : null,
      stage: last.toStage,
      status: last.toStatus,
      stageEnteredAt: moved.at,
    };
  });
}
