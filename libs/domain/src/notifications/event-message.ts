import { assertNever } from '../domain-error';
import { NotificationEventInput } from './notifiable-event';

/** What a person reads about an event, and where in the console the item lives (a path under PUBLIC_URL). */
export interface EventMessage {
  title: string;
  body: string;
  linkPath: string;
  subject: { kind: 'prospect' | 'approval' | 'contract' | 'task' | 'salesperson'; id: string };
}

const words = (value: string) => value.replace(/[._]/g, ' ');

const SUBJECT_LABELS: Record<string, string> = {
  target_sample: 'target sample',
  offer: 'commercial offer',
  contract_deviation: 'contract terms deviation',
};
const subjectLabel = (kind: string) => SUBJECT_LABELS[kind] ?? words(kind);

function range(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min}–${max}`;
  if (min !== null) return `at least ${min}`;
  if (max !== null) return `at most ${max}`;
  return 'the norm';
}

/** Titles and texts carry ids and business facts only: no names or contact details. */
export function describeEvent(event: NotificationEventInput): EventMessage {
  switch (event.type) {
    case 'prospect.stage_changed': {
      const p = event.payload;
      // A loss or a reopening keeps the stage: say where it stands, never "from" the stage it is still in.
      const reopened = p.status === 'active' && p.fromStage === p.toStage;
      const move =
        p.status !== 'active' ? `is ${p.status}` : reopened ? 'was reopened' : `moved to ${words(p.toStage)}`;
      const where =
        p.status !== 'active' || reopened
          ? ` at ${words(p.toStage)}`
          : p.fromStage
            ? ` (from ${words(p.fromStage)})`
            : '';
      return {
        title: `Prospect ${move}`,
        body: `A prospect ${move}${where}.`,
        linkPath: `/prospects/${p.prospectId}`,
        subject: { kind: 'prospect', id: p.prospectId },
      };
    }
    case 'offer.defended': {
      const p = event.payload;
      return {
        title: 'Offer defended',
        body: 'The prospect is satisfied with the offer; a contract case opens for legal and accounting.',
        linkPath: `/prospects/${p.prospectId}`,
        subject: { kind: 'prospect', id: p.prospectId },
      };
    }
    case 'prospect.stalled': {
      const p = event.payload;
      return {
        title: `Prospect stalled in ${words(p.stage)}`,
        body: `A prospect has been in ${words(p.stage)} longer than its limit of ${p.limitDays} days.`,
        linkPath: `/prospects/${p.prospectId}`,
        subject: { kind: 'prospect', id: p.prospectId },
      };
    }
    case 'norm.breached': {
      const p = event.payload;
      return {
        title: `Norm missed: ${words(p.norm)}`,
        body: `${words(p.norm)} in ${p.period}: ${p.value ?? 'no value'} against ${range(p.min, p.max)}.`,
        linkPath: `/analytics/salespeople/${p.salespersonId}`,
        subject: { kind: 'salesperson', id: p.salespersonId },
      };
    }
    case 'early_warning.raised': {
      const p = event.payload;
      return {
        title: `Early warning: ${words(p.rule)}`,
        body: `A salesperson triggered the early-warning rule "${words(p.rule)}".`,
        linkPath: `/analytics/salespeople/${p.salespersonId}`,
        subject: { kind: 'salesperson', id: p.salespersonId },
      };
    }
    case 'approval.step_opened': {
      const p = event.payload;
      return {
        title: `Approval needed: ${subjectLabel(p.subjectKind)}`,
        body: `A ${subjectLabel(p.subjectKind)} waits for your decision (due ${p.dueAt}).`,
        linkPath: `/approvals/${p.requestId}`,
        subject: { kind: 'approval', id: p.requestId },
      };
    }
    case 'approval.sla_breached': {
      const p = event.payload;
      const what = p.level === 'reminder' ? 'Reminder' : 'Escalation';
      return {
        title: `${what}: ${subjectLabel(p.subjectKind)} approval overdue`,
        body: `An approval of a ${subjectLabel(p.subjectKind)} is past its deadline.`,
        linkPath: `/approvals/${p.requestId}`,
        subject: { kind: 'approval', id: p.requestId },
      };
    }
    case 'approval.decided': {
      const p = event.payload;
      return {
        title: `${subjectLabel(p.subjectKind)[0].toUpperCase()}${subjectLabel(p.subjectKind).slice(1)} ${p.outcome}`,
        body: `Your ${subjectLabel(p.subjectKind)} was ${p.outcome}.${p.comment ? ` Comment: ${p.comment}` : ''}`,
        linkPath: `/approvals/${p.requestId}`,
        subject: { kind: 'approval', id: p.requestId },
      };
    }
    case 'contract.opened':
      return {
        title: 'Contract case opened',
        body: 'A defended offer opened a contract case; legal and accounting take it from here.',
        linkPath: `/contracts/${event.payload.caseId}`,
        subject: { kind: 'contract', id: event.payload.caseId },
      };
    case 'task.assigned': {
      const p = event.payload;
      const queue = p.assigneeId ? 'assigned to you' : `waiting in the ${p.group} queue`;
      return {
        title: `Task ${queue}: ${p.title}`,
        body: `"${p.title}" is ${queue}${p.dueAt ? `, due ${p.dueAt}` : ''}.`,
        linkPath: `/tasks/${p.taskId}`,
        subject: { kind: 'task', id: p.taskId },
      };
    }
    case 'task.overdue': {
      const p = event.payload;
      const what = p.level === 'reminder' ? 'Task overdue' : 'Escalation: task overdue';
      return {
        title: `${what}: ${p.title}`,
        body: `"${p.title}" (${p.group}) was due ${p.dueAt}.`,
        linkPath: `/tasks/${p.taskId}`,
        subject: { kind: 'task', id: p.taskId },
      };
    }
    case 'contract.signed':
      return {
        title: 'Contract signed',
        body: 'The contract is signed and handed over to delivery; the prospect counts as won.',
        linkPath: `/contracts/${event.payload.caseId}`,
        subject: { kind: 'contract', id: event.payload.caseId },
      };
    default:
      return assertNever(event, 'notification event');
  }
}
