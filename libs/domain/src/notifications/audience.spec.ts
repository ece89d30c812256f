import { AudienceSelector, audienceFor, distinctRecipients } from './audience';
import { NotificationEventInput } from './notifiable-event';

const show = (selectors: AudienceSelector[]) =>
  selectors.map((s) => {
    switch (s.kind) {
      case 'user':
        return `user:${s.userId}`;
      case 'role':
        return `role:${s.role}@${s.unitId ?? '*'}`;
      case 'unit_head':
        return `head:${s.unitId}`;
      case 'group':
        return `group:${s.group}`;
      case 'group_leads':
        return `leads:${s.group}`;
    }
  });

describe('audienceFor', () => {
  it.each<[string, NotificationEventInput, string[]]>([
    [
      'stage change: owner and unit head',
      {
        type: 'prospect.stage_changed',
        payload: {
          prospectId: 'p',
          ownerId: 'o',
          unitId: 'u',
          fromStage: 'sampling',
          toStage: 'primary_contact',
          status: 'active',
        },
      },
      ['user:o', 'head:u'],
    ],
    [
      'stage change without owner: the head only',
      {
        type: 'prospect.stage_changed',
        payload: {
          prospectId: 'p',
          ownerId: null,
          unitId: 'u',
          fromStage: null,
          toStage: 'sampling',
          status: 'active',
        },
      },
      ['head:u'],
    ],
    [
      'stalled: owner and head',
      {
        type: 'prospect.stalled',
        payload: { prospectId: 'p', ownerId: 'o', unitId: 'u', stage: 'offer_formation', limitDays: 14 },
      },
      ['user:o', 'head:u'],
    ],
    [
      'offer defended: salesperson and head',
      { type: 'offer.defended', payload: { prospectId: 'p', offerId: 'f', salespersonId: 's', unitId: 'u' } },
      ['user:s', 'head:u'],
    ],
    [
      'norm breached: salesperson and head',
      {
        type: 'norm.breached',
        payload: { salespersonId: 's', unitId: 'u', norm: 'meetings', period: '2026-11', value: 10, min: 40, max: 45 },
      },
      ['user:s', 'head:u'],
    ],
    [
      'early warning: the head, not the salesperson',
      { type: 'early_warning.raised', payload: { salespersonId: 's', unitId: 'u', rule: 'no_briefs' } },
      ['head:u'],
    ],
    [
      'early warning without unit: the owners',
      { type: 'early_warning.raised', payload: { salespersonId: 's', unitId: null, rule: 'no_briefs' } },
      ['role:owner@*'],
    ],
    [
      'approval step: the named approver',
      {
        type: 'approval.step_opened',
        payload: {
          requestId: 'r',
          subjectKind: 'offer',
          approverRole: 'sales_head',
          approverUnitId: 'u',
          approverUserId: 'a',
          dueAt: 'x',
        },
      },
      ['user:a'],
    ],
    [
      'approval step: the role in the unit',
      {
        type: 'approval.step_opened',
        payload: {
          requestId: 'r',
          subjectKind: 'offer',
          approverRole: 'sales_head',
          approverUnitId: 'u',
          approverUserId: null,
          dueAt: 'x',
        },
      },
      ['role:sales_head@u'],
    ],
    [
      'approval step: an unknown role falls back to the unit head',
      {
        type: 'approval.step_opened',
        payload: {
          requestId: 'r',
          subjectKind: 'offer',
          approverRole: 'ceo',
          approverUnitId: 'u',
          approverUserId: null,
          dueAt: 'x',
        },
      },
      ['head:u'],
    ],
    [
      'approval step for the owner: every owner, whatever the unit',
      {
        type: 'approval.step_opened',
        payload: {
          requestId: 'r',
          subjectKind: 'target_sample',
          approverRole: 'owner',
          approverUnitId: 'u',
          approverUserId: null,
          dueAt: 'x',
        },
      },
      ['role:owner@*'],
    ],
    [
      'sla escalation: its recipient role',
      {
        type: 'approval.sla_breached',
        payload: {
          requestId: 'r',
          subjectKind: 'offer',
          level: 'escalation',
          recipientRole: 'owner',
          recipientUnitId: null,
          recipientUserId: null,
        },
      },
      ['role:owner@*'],
    ],
    [
      'decision: the requester',
      {
        type: 'approval.decided',
        payload: { requestId: 'r', subjectKind: 'offer', outcome: 'approved', requesterId: 'q', comment: null },
      },
      ['user:q'],
    ],
    [
      'contract opened: salesperson (read-only) and head',
      { type: 'contract.opened', payload: { caseId: 'c', salespersonId: 's', unitId: 'u' } },
      ['user:s', 'head:u'],
    ],
    [
      'task assigned to a person',
      {
        type: 'task.assigned',
        payload: { taskId: 't', caseId: 'c', group: 'legal', assigneeId: 'a', title: 'x', dueAt: null },
      },
      ['user:a'],
    ],
    [
      'task waiting in the group queue',
      {
        type: 'task.assigned',
        payload: { taskId: 't', caseId: 'c', group: 'legal', assigneeId: null, title: 'x', dueAt: null },
      },
      ['group:legal'],
    ],
    [
      'task overdue reminder: the assignee',
      {
        type: 'task.overdue',
        payload: {
          taskId: 't',
          caseId: 'c',
          group: 'legal',
          assigneeId: 'a',
          level: 'reminder',
          title: 'x',
          dueAt: 'd',
        },
      },
      ['user:a'],
    ],
    [
      'task overdue escalation: the group leads',
      {
        type: 'task.overdue',
        payload: {
          taskId: 't',
          caseId: 'c',
          group: 'accounting',
          assigneeId: 'a',
          level: 'escalation',
          title: 'x',
          dueAt: 'd',
        },
      },
      ['leads:accounting'],
    ],
    [
      'contract signed: salesperson, head and owners',
      { type: 'contract.signed', payload: { caseId: 'c', salespersonId: 's', unitId: 'u' } },
      ['user:s', 'head:u', 'role:owner@*'],
    ],
  ])('%s', (_name, event, expected) => {
    expect(show(audienceFor(event))).toEqual(expected);
  });

  it('recipients are distinct active people', () => {
    expect(
      distinctRecipients([
        { userId: 'b', active: true },
        { userId: 'a', active: true },
        { userId: 'b', active: true },
        { userId: 'c', active: false },
      ]),
    ).toEqual(['a', 'b']);
  });
});
