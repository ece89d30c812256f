import { Role } from '../roles';

/**
 * The domain events that notify someone. Values equal the wire job names (libs/messages), which this pure lib
 * cannot import; the notifications app checks at compile time that every name here is a job name.
 */
export const NOTIFIABLE_EVENTS = [
  'prospect.stage_changed',
  'offer.defended',
  'prospect.stalled',
  'norm.breached',
  'early_warning.raised',
  'approval.step_opened',
  'approval.sla_breached',
  'approval.decided',
  'contract.opened',
  'task.assigned',
  'task.overdue',
  'contract.signed',
] as const;

export type NotifiableEvent = (typeof NOTIFIABLE_EVENTS)[number];

export function isNotifiableEvent(value: string): value is NotifiableEvent {
  return (NOTIFIABLE_EVENTS as readonly string[]).includes(value);
}

type Level = 'reminder' | 'escalation';

/** The facts each event carries that decide who is told and what they read (a narrow view of the payloads). */
export type NotificationEventInput =
  | {
      type: 'prospect.stage_changed';
      payload: {
        prospectId: string;
        ownerId: string | null;
        unitId: string;
        fromStage: string | null;
        toStage: string;
        status: string;
      };
    }
  | { type: 'offer.defended'; payload: { prospectId: string; offerId: string; salespersonId: string; unitId: string } }
  | {
      type: 'prospect.stalled';
      payload: { prospectId: string; ownerId: string | null; unitId: string; stage: string; limitDays: number };
    }
  | {
      type: 'norm.breached';
      payload: {
        salespersonId: string;
        unitId: string | null;
        norm: string;
        period: string;
        value: number | null;
        min: number | null;
        max: number | null;
      };
    }
  | { type: 'early_warning.raised'; payload: { salespersonId: string; unitId: string | null; rule: string } }
  | {
      type: 'approval.step_opened';
      payload: {
        requestId: string;
        subjectKind: string;
        approverRole: string | null;
        approverUnitId: string | null;
        approverUserId: string | null;
        dueAt: string;
      };
    }
  | {
      type: 'approval.sla_breached';
      payload: {
        requestId: string;
        subjectKind: string;
        level: Level;
        recipientRole: string | null;
        recipientUnitId: string | null;
        recipientUserId: string | null;
      };
    }
  | {
      type: 'approval.decided';
      payload: { requestId: string; subjectKind: string; outcome: string; requesterId: string; comment: string | null };
    }
  | { type: 'contract.opened'; payload: { caseId: string; salespersonId: string; unitId: string } }
  | {
      type: 'task.assigned';
      payload: {
        taskId: string;
        caseId: string;
        group: string;
        assigneeId: string | null;
        title: string;
        dueAt: string | null;
      };
    }
  | {
      type: 'task.overdue';
      payload: {
        taskId: string;
        caseId: string;
        group: string;
        assigneeId: string | null;
        level: Level;
        title: string;
        dueAt: string;
      };
    }
  | { type: 'contract.signed'; payload: { caseId: string; salespersonId: string; unitId: string } };

/** Roles arrive as plain strings on approval events; an unknown one addresses nobody. */
export function toRole(value: string | null): Role | null {
  return value !== null && (Object.values(Role) as string[]).includes(value) ? (value as Role) : null;
}
