// A delegation's period as people pick it (first and last day, both included, in their own time zone) and as the
// API takes it (start inclusive, end exclusive, instants).

/** [first day, last day] as YYYY-MM-DD → the instants the API takes; null until both days are picked. */
export function periodToRange(first: string | null, last: string | null): { startsAt: string; endsAt: string } | null {
  if (!first || !last) return null;
  const start = new Date(`${first}T00:00:00`);
  const end = new Date(`${last}T00:00:00`);
  end.setDate(end.getDate() + 1);
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

export type DelegationState = 'running' | 'upcoming' | 'over' | 'ended';

/** Where a delegation stands at `now`: ended early by its approver, not begun, running, or past its end. */
export function delegationState(
  d: { startsAt: string; endsAt: string; revokedAt: string | null },
  now: Date,
): DelegationState {
  if (d.revokedAt) return 'ended';
  if (now.getTime() < new Date(d.startsAt).getTime()) return 'upcoming';
  return now.getTime() < new Date(d.endsAt).getTime() ? 'running' : 'over';
}
