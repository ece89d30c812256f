import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { NotificationEventInput, toRole } from './notifiable-event';

/** Who an event addresses, before the directory turns it into people. */
export type AudienceSelector =
  | { kind: 'user'; userId: string }
  /** Everyone active with the role, in the unit when one is given. */
  | { kind: 'role'; role: Role; unitId: string | null }
  | { kind: 'unit_head'; unitId: string }
  | { kind: 'group'; group: string }
  | { kind: 'group_leads'; group: string };

const user = (userId: string | null): AudienceSelector[] => (userId ? [{ kind: 'user', userId }] : []);
const head = (unitId: string | null): AudienceSelector[] => (unitId ? [{ kind: 'unit_head', unitId }] : []);
const owners: AudienceSelector = { kind: 'role', role: Role.Owner, unitId: null };

/** A named approver wins; otherwise the role (within the unit when the policy names one). */
function approver(userId: string | null, role: string | null, unitId: string | null): AudienceSelector[] {
  if (userId) return user(userId);
  const known = toRole(role);
  if (!known) return head(unitId);
  // Owners run the whole business and belong to no unit: a unit never narrows them.
  return [{ kind: 'role', role: known, unitId: known === Role.Owner ? null : unitId }];
}

/** The people each event is for (DOMAIN.md: stalled deals tell the owner and the head; tasks go to groups). */
export function audienceFor(event: NotificationEventInput): AudienceSelector[] {
  switch (event.type) {
    case 'prospect.stage_changed':
    case 'prospect.stalled':
      return [...user(event.payload.ownerId), ...head(event.payload.unitId)];
    case 'offer.defended':
    case 'contract.opened':
      return [...user(event.payload.salespersonId), ...head(event.payload.unitId)];
    case 'contract.signed':
      return [...user(event.payload.salespersonId), ...head(event.payload.unitId), owners];
    case 'norm.breached':
      return [...user(event.payload.salespersonId), ...head(event.payload.unitId)];
    case 'early_warning.raised':
      // A judgement about the salesperson: for their managers, not for them.
      return event.payload.unitId ? head(event.payload.unitId) : [owners];
    case 'approval.step_opened':
      return approver(event.payload.approverUserId, event.payload.approverRole, event.payload.approverUnitId);
    case 'approval.sla_breached':
      return approver(event.payload.recipientUserId, event.payload.recipientRole, event.payload.recipientUnitId);
    case 'approval.decided':
      return user(event.payload.requesterId);
    case 'task.assigned':
      return event.payload.assigneeId
        ? user(event.payload.assigneeId)
        : [{ kind: 'group', group: event.payload.group }];
    case 'task.overdue':
      if (event.payload.level === 'escalation') return [{ kind: 'group_leads', group: event.payload.group }];
      return event.payload.assigneeId
        ? user(event.payload.assigneeId)
        : [{ kind: 'group', group: event.payload.group }];
    default:
      return assertNever(event, 'notification event');
  }
}

/** The distinct active people among the resolved candidates, in a stable order. */
export function distinctRecipients(candidates: readonly { userId: string; active: boolean }[]): string[] {
  return [...new Set(candidates.filter((c) => c.active).map((c) => c.userId))].sort();
}
