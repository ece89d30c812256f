import { DeviationApprovalStatus, TaskGroup, TaskStatus } from '@dealgate/domain';
import { TaskRecord } from '../tasks/task.records';
import { toTaskView } from '../tasks/task.view';
import { DeviationApprovalRecord } from './case.records';
import { gateApproval } from './case.view';

const request = (status: DeviationApprovalRecord['status'], termsRevision = 2): DeviationApprovalRecord => ({
  requestId: 'r',
  caseId: 'c',
  termsRevision,
  status,
  deviations: [],
  requestedBy: 'u',
  requestedAt: new Date('2026-01-01T00:00:00Z'),
  decidedAt: null,
  decidedBy: null,
  comment: null,
});

describe('gateApproval', () => {
  it.each([
    ['pending', { status: DeviationApprovalStatus.Pending, termsRevision: 2 }],
    ['approved', { status: DeviationApprovalStatus.Approved, termsRevision: 2 }],
    ['rejected', { status: DeviationApprovalStatus.Rejected, termsRevision: 2 }],
  ] as const)('passes a %s request to the signing gate with its revision', (status, expected) => {
    expect(gateApproval(request(status))).toEqual(expected);
  });

  it('treats no request and a voided one alike: nothing approved', () => {
    expect(gateApproval(null)).toBeNull();
    expect(gateApproval(request('voided'))).toBeNull();
  });
});

describe('toTaskView', () => {
  const base: TaskRecord = {
    id: 't',
    caseId: 'c',
    key: 'draft_contract',
    title: 'Draft contract',
    group: TaskGroup.Legal,
    dependsOn: [],
    dueDays: 3,
    required: true,
    position: 0,
    status: TaskStatus.Open,
    assigneeId: null,
    availableSince: null,
    dueAt: null,
    doneAt: null,
    result: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    version: 1,
    escalated: false,
    companyName: 'Acme',
  };
  const now = new Date('2026-01-05T00:00:00Z');
  const due = new Date('2026-01-04T00:00:00Z');

  it.each<[string, Partial<TaskRecord>, { state: string; overdue: boolean }]>([
    ['blocked until its due period starts', {}, { state: 'blocked', overdue: false }],
    ['available and past due', { availableSince: base.createdAt, dueAt: due }, { state: 'available', overdue: true }],
    [
      'available, not yet due',
      { availableSince: base.createdAt, dueAt: new Date('2026-01-06T00:00:00Z') },
      { state: 'available', overdue: false },
    ],
    [
      'done is never overdue',
      { status: TaskStatus.Done, availableSince: base.createdAt, dueAt: due, doneAt: now },
      { state: 'done', overdue: false },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(toTaskView({ ...base, ...patch }, now)).toEqual(expect.objectContaining(expected));
  });

  it.each<[string, Partial<TaskRecord>, { escalated: boolean; companyName: string | null }]>([
    ['an escalated open task says so', { escalated: true }, { escalated: true, companyName: 'Acme' }],
    [
      'a done task is no longer escalated',
      { escalated: true, status: TaskStatus.Done },
      { escalated: false, companyName: 'Acme' },
    ],
  ])('%s', (_name, patch, expected) => {
    expect(toTaskView({ ...base, ...patch }, now)).toEqual(expect.objectContaining(expected));
  });
});
