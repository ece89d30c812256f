// The SLA of the step awaiting a decision, in words: how long until it is due, how late it is, whether it has
// escalated. The server sets the instants (dueAt, escalationAt from the policy); this only measures them against now.

export interface SlaStep {
  dueAt: string | null;
  escalationAt: string | null;
}

/** Where a step stands: on time, past due (reminded), or escalated to the next approver. */
export type SlaLevel = 'on_time' | 'reminded' | 'escalated';

export interface Sla {
  level: SlaLevel;
  /** The catalogue key of the sentence (namespace approvals). */
  key: 'sla.dueIn' | 'sla.overdue' | 'sla.overdueEscalates' | 'sla.escalated' | 'sla.none';
  values: Record<string, string>;
  /** Mantine colour of the badge. */
  color: 'teal' | 'yellow' | 'red' | 'gray';
}

const MINUTE_MS = 60_000;

/** A duration the way a person says it: the two largest units, rounded down ("2 d 3 h", "4 h 10 min", "5 min"). */
export function durationText(ms: number, units: { d: string; h: string; min: string }): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE_MS));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${units.d} ${hours} ${units.h}` : `${days} ${units.d}`;
  if (hours > 0) return rest > 0 ? `${hours} ${units.h} ${rest} ${units.min}` : `${hours} ${units.h}`;
  return `${Math.max(1, rest)} ${units.min}`;
}

/** The SLA sentence of a pending step at `now`; a step without a deadline (closed, or none set) has none. */
export function slaOf(step: SlaStep | null, now: Date, units: { d: string; h: string; min: string }): Sla {
  if (!step?.dueAt) return { level: 'on_time', key: 'sla.none', values: {}, color: 'gray' };
  const due = new Date(step.dueAt).getTime();
  const escalation = step.escalationAt ? new Date(step.escalationAt).getTime() : null;
  const at = now.getTime();
  if (at < due) {
    return { level: 'on_time', key: 'sla.dueIn', values: { time: durationText(due - at, units) }, color: 'teal' };
  }
  if (escalation !== null && at >= escalation) {
    return {
      level: 'escalated',
      key: 'sla.escalated',
      values: { time: durationText(at - escalation, units) },
      color: 'red',
    };
  }
  const late = durationText(at - due, units);
  return escalation === null
    ? { level: 'reminded', key: 'sla.overdue', values: { time: late }, color: 'yellow' }
    : {
        level: 'reminded',
        key: 'sla.overdueEscalates',
        values: { time: late, escalation: durationText(escalation - at, units) },
        color: 'yellow',
      };
}
