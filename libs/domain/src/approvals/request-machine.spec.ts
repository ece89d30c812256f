import { ApprovalErrorCode } from './approval-error';
import {
  ApprovalEvent,
  ApprovalEventType,
  ApprovalOutcome,
  ApprovalRequestState,
  ApprovalRequestStatus,
  applyApprovalEvent,
  isApprovalRequestClosed,
  openApprovalRequest,
  overruleApproval,
} from './request-machine';

const T0 = new Date('2025-03-03T09:00:00Z');
const T1 = new Date('2025-03-04T10:00:00Z');

const state = (overrides: Partial<ApprovalRequestState> = {}): ApprovalRequestState => ({
  ...openApprovalRequest({ requesterId: 'sales-1', stepCount: 2, at: T0 }),
  ...overrides,
});

const approve = (stepIndex = 0): ApprovalEvent => ({ type: ApprovalEventType.Approve, stepIndex, at: T1 });
const reject = (stepIndex = 0, comment = 'Discount too deep.'): ApprovalEvent => ({
  type: ApprovalEventType.Reject,
  stepIndex,
  comment,
  at: T1,
});
const recall = (actorId = 'sales-1'): ApprovalEvent => ({ type: ApprovalEventType.Recall, actorId, at: T1 });
const voidIt: ApprovalEvent = { type: ApprovalEventType.Void, at: T1 };

const CLOSED = [
  ApprovalRequestStatus.Approved,
  ApprovalRequestStatus.Rejected,
  ApprovalRequestStatus.Recalled,
  ApprovalRequestStatus.Voided,
];
const ALL_EVENTS = [approve(), reject(), recall(), voidIt];

describe('openApprovalRequest', () => {
  it('starts pending on the first step', () => {
    expect(openApprovalRequest({ requesterId: 'sales-1', stepCount: 2, at: T0 })).toEqual({
      status: ApprovalRequestStatus.Pending,
      requesterId: 'sales-1',
      stepCount: 2,
      currentStepIndex: 0,
      currentStepActivatedAt: T0,
      closedAt: null,
    });
  });

  it.each([0, -1, 1.5])('refuses a chain of %p steps', (stepCount) => {
    expect(() => openApprovalRequest({ requesterId: 'sales-1', stepCount, at: T0 })).toThrow(
      expect.objectContaining({ code: ApprovalErrorCode.EmptyChain }),
    );
  });
});

describe('applyApprovalEvent: allowed transitions', () => {
  it.each<[string, ApprovalRequestState, ApprovalEvent, ApprovalOutcome, Partial<ApprovalRequestState>]>([
    [
      'approve a middle step -> next step pending, its SLA clock restarts',
      state(),
      approve(0),
      ApprovalOutcome.StepApproved,
      { status: ApprovalRequestStatus.Pending, currentStepIndex: 1, currentStepActivatedAt: T1, closedAt: null },
    ],
    [
      'approve the last step -> approved',
      state({ currentStepIndex: 1 }),
      approve(1),
      ApprovalOutcome.Approved,
      { status: ApprovalRequestStatus.Approved, currentStepIndex: 1, closedAt: T1 },
    ],
    [
      'approve a one-step request -> approved',
      state({ stepCount: 1 }),
      approve(0),
      ApprovalOutcome.Approved,
      { status: ApprovalRequestStatus.Approved, closedAt: T1 },
    ],
    [
      'reject with a comment -> rejected',
      state(),
      reject(0),
      ApprovalOutcome.Rejected,
      { status: ApprovalRequestStatus.Rejected, currentStepIndex: 0, closedAt: T1 },
    ],
    [
      'reject on the second step -> rejected',
      state({ currentStepIndex: 1 }),
      reject(1),
      ApprovalOutcome.Rejected,
      { status: ApprovalRequestStatus.Rejected, currentStepIndex: 1 },
    ],
    [
      'recall by the requester -> recalled',
      state(),
      recall(),
      ApprovalOutcome.Recalled,
      { status: ApprovalRequestStatus.Recalled, closedAt: T1 },
    ],
    [
      'recall on a later step -> recalled',
      state({ currentStepIndex: 1 }),
      recall(),
      ApprovalOutcome.Recalled,
      { status: ApprovalRequestStatus.Recalled },
    ],
    [
      'void after a subject edit -> voided',
      state(),
      voidIt,
      ApprovalOutcome.Voided,
      { status: ApprovalRequestStatus.Voided, closedAt: T1 },
    ],
  ])('%s', (_, from, event, outcome, expected) => {
    const result = applyApprovalEvent(from, event);
    expect(result.outcome).toBe(outcome);
    expect(result.state).toMatchObject(expected);
    expect(result.state.requesterId).toBe(from.requesterId);
  });

  it('never mutates the given state', () => {
    const from = Object.freeze(state());
    applyApprovalEvent(from, approve(0));
    expect(from.currentStepIndex).toBe(0);
  });
});

describe('applyApprovalEvent: refused transitions', () => {
  const closedRows = CLOSED.flatMap((status) =>
    ALL_EVENTS.map(
      (event) =>
        [
          `${event.type} on a ${status} request`,
          state({ status, closedAt: T0 }),
          event,
          ApprovalErrorCode.RequestClosed,
        ] as const,
    ),
  );

  it.each<readonly [string, ApprovalRequestState, ApprovalEvent, ApprovalErrorCode]>([
    ...closedRows,
    ['approve a step already decided', state({ currentStepIndex: 1 }), approve(0), ApprovalErrorCode.StaleStep],
    ['approve a step not yet open', state(), approve(1), ApprovalErrorCode.StaleStep],
    ['reject a step already decided', state({ currentStepIndex: 1 }), reject(0), ApprovalErrorCode.StaleStep],
    ['reject without a comment', state(), reject(0, ''), ApprovalErrorCode.CommentRequired],
    ['reject with a blank comment', state(), reject(0, '  \n '), ApprovalErrorCode.CommentRequired],
    ['recall by someone else', state(), recall('head-a'), ApprovalErrorCode.RecallNotRequester],
  ])('refuses to %s', (_, from, event, code) => {
    expect(() => applyApprovalEvent(from, event)).toThrow(expect.objectContaining({ code }));
  });

  it('says in words why a closed request cannot change', () => {
    expect(() => applyApprovalEvent(state({ status: ApprovalRequestStatus.Recalled }), approve())).toThrow(
      'This request is already recalled; it can no longer be approved.',
    );
  });
});

describe('isApprovalRequestClosed', () => {
  it.each<[ApprovalRequestStatus, boolean]>([
    [ApprovalRequestStatus.Pending, false],
    ...CLOSED.map((status): [ApprovalRequestStatus, boolean] => [status, true]),
  ])('%s -> %p', (status, expected) => {
    expect(isApprovalRequestClosed({ status })).toBe(expected);
  });
});

describe('overruleApproval', () => {
  it('turns an approved request into a rejected one, at the time of the overrule', () => {
    const approved = state({ status: ApprovalRequestStatus.Approved, closedAt: T0 });
    expect(overruleApproval(approved, T1)).toEqual({
      state: { ...approved, status: ApprovalRequestStatus.Rejected, closedAt: T1 },
      outcome: ApprovalOutcome.Rejected,
    });
  });

  it.each([
    ApprovalRequestStatus.Pending,
    ApprovalRequestStatus.Rejected,
    ApprovalRequestStatus.Recalled,
    ApprovalRequestStatus.Voided,
  ])('refuses to overrule a %s request', (status) => {
    expect(() => overruleApproval(state({ status }), T1)).toThrow(
      expect.objectContaining({ code: ApprovalErrorCode.RequestClosed }),
    );
  });
});
