import { GeneratedProspect, STAGES, Stage } from './funnel-generator';

/** The answers the reports must give, computed by plain loops over the generated rows. */
export interface Filter {
  unitId?: string;
  ownerId?: string;
  productLineId?: string;
}

const inPeriod = (at: Date, from: Date, to: Date) => at >= from && at < to;

function matches(row: { unitId: string; ownerId: string | null; productLineId: string }, f: Filter): boolean {
  return (
    (!f.unitId || row.unitId === f.unitId) &&
    (!f.ownerId || row.ownerId === f.ownerId) &&
    (!f.productLineId || row.productLineId === f.productLineId)
  );
}

/**
 * Who an entry counts for: its owner, or when it had none (and is not sampling) the first salesperson whose move or
 * loss ended that stage later, the one who worked it.
 */
function creditedOwner(rows: GeneratedProspect['rows'], index: number, stage: Stage): string | null {
  const entry = rows[index];
  if (entry.ownerId || stage === 'sampling') return entry.ownerId;
  const worked = rows
    .slice(index + 1)
    .find(
      (r) => r.fromStage === stage && r.ownerId !== null && (r.fromStage !== r.toStage || r.fromStatus !== r.toStatus),
    );
  return worked?.ownerId ?? null;
}

/** Prospects whose first entry into each stage falls in the period (sampling: the sample approval). */
export function reachedTruth(prospects: GeneratedProspect[], from: Date, to: Date, f: Filter = {}) {
  const counts = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  for (const p of prospects) {
    const seen = new Set<Stage>();
    for (const [index, r] of p.rows.entries()) {
      const entries: Stage[] = [];
      if (r.fromStage !== r.toStage) {
        if (r.fromStage === 'sampling') entries.push('sampling');
        entries.push(r.toStage);
      }
      for (const stage of entries) {
        if (seen.has(stage)) continue;
        seen.add(stage);
        const credited = { ...r, ownerId: creditedOwner(p.rows, index, stage) };
        if (inPeriod(r.at, from, to) && matches(credited, f)) counts[stage] += 1;
      }
    }
  }
  return counts;
}

export function lostTruth(prospects: GeneratedProspect[], from: Date, to: Date, f: Filter = {}) {
  const lost = new Map<string, number>();
  let won = 0;
  for (const r of prospects.flatMap((p) => p.rows)) {
    if (!inPeriod(r.at, from, to) || !matches(r, f)) continue;
    if (r.toStatus === 'lost')
      lost.set(`${r.toStage}:${r.lostReason}`, (lost.get(`${r.toStage}:${r.lostReason}`) ?? 0) + 1);
    if (r.toStatus === 'won') won += 1;
  }
  return { lost, won };
}

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/**
 * Per cohort month (entry into primary contact): entered, and reached per later stage by now. With `ownerId`, the
 * prospects whose latest log row names that owner.
 */
export function cohortTruth(prospects: GeneratedProspect[], ownerId?: string) {
  const table = new Map<string, { entered: number; reached: Record<string, number> }>();
  for (const p of prospects) {
    if (ownerId && p.rows[p.rows.length - 1].ownerId !== ownerId) continue;
    const month = monthOf(p.rows[0].at);
    const furthest = Math.max(...p.rows.map((r) => STAGES.indexOf(r.toStage)));
    const row = table.get(month) ?? { entered: 0, reached: {} };
    row.entered += 1;
    for (let s = 2; s <= furthest; s++) row.reached[STAGES[s]] = (row.reached[STAGES[s]] ?? 0) + 1;
    table.set(month, row);
  }
  return table;
}

/** Durations in days of the stays that ended in the period, per product line and stage. */
export function stayTruth(prospects: GeneratedProspect[], from: Date, to: Date) {
  const stays = new Map<string, number[]>();
  for (const p of prospects) {
    const changes = p.rows.filter((r) => r.fromStage !== r.toStage || r.fromStatus !== r.toStatus);
    changes.forEach((r, i) => {
      const next = changes[i + 1];
      if (r.toStatus !== 'active' || !next || !inPeriod(next.at, from, to)) return;
      const key = `${p.productLineId}:${r.toStage}`;
      stays.set(key, [...(stays.get(key) ?? []), (next.at.getTime() - r.at.getTime()) / 86_400_000]);
    });
  }
  return stays;
}

/** Meetings held, briefs and signed contracts per owner in the period. */
export function normFactsTruth(prospects: GeneratedProspect[], from: Date, to: Date) {
  const facts = new Map<string, { meetings: number; briefs: number; won: number }>();
  for (const p of prospects) {
    const f = facts.get(p.ownerId) ?? { meetings: 0, briefs: 0, won: 0 };
    if (p.meetingHeldAt && inPeriod(p.meetingHeldAt, from, to)) f.meetings += 1;
    if (p.briefAt && inPeriod(p.briefAt, from, to)) f.briefs += 1;
    f.won += p.rows.filter((r) => r.toStatus === 'won' && inPeriod(r.at, from, to)).length;
    facts.set(p.ownerId, f);
  }
  return facts;
}
