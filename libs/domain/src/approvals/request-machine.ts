import { assertNever } from '../domain-error';
import { ApprovalErrorCode, approvalError } from './approval-error';

/** Values are stored and sent on the wire: never rename. */
export enum ApprovalRequestStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Recalled = 'recalled',
  Voided = 'voided',
}

/** The part of a request the state machine needs. Eligibility is checked separately (`canDecide`). */
export interface ApprovalRequestState {
  readonly status: ApprovalRequestStatus;
  readonly requesterId: string;
  /** Length of the resolved chain, at least 1. */
  readonly stepCount: number;
  /** The step awaiting a decision; once closed, the step the request closed on. */
  readonly currentStepIndex: number;
  /** When the current step became pending: the start of its SLA clock. */
  readonly currentStepActivatedAt: Date;
  readonly closedAt: Date | null;
}

/** Values are stored in the request history: never rename. */
export enum ApprovalEventType {
  Approve = 'approve',
  Reject = 'reject',
  Recall = 'recall',
  Void = 'void',
}

export type ApprovalEvent =
  /** `stepIndex` is the step the actor saw: a decision on a step already decided is stale (409). */
  | { readonly type: ApprovalEventType.Approve; readonly stepIndex: number; readonly at: Date }
  | { readonly type: ApprovalEventType.Reject; readonly stepIndex: number; readonly comment: string; readonly at: Date }
  | { readonly type: ApprovalEventType.Recall; readonly actorId: string; readonly at: Date }
  /** The subject was edited while the request was pending: the approver would no longer see what they approve. */
  | { readonly type: ApprovalEventType.Void; readonly at: Date };

/** What a transition did, so the service knows which job or notification to emit. */
export enum ApprovalOutcome {
  StepApproved = 'step_approved',
  Approved = 'approved',
  Rejected = 'rejected',
  Recalled = 'recalled',
  Voided = 'voided',
}

export interface ApprovalTransition {
  readonly state: ApprovalRequestState;
  readonly outcome: ApprovalOutcome;
}

/** A new request waiting on its first step. */
export function openApprovalRequest(input: {
  readonly requesterId: string;
  readonly stepCount: number;
  readonly at: Date;
}): ApprovalRequestState {
  if (!Number.isInteger(input.stepCount) || input.stepCount < 1) {
    throw approvalError(ApprovalErrorCode.EmptyChain, 'An approval request needs at least one approval step.', {
      stepCount: input.stepCount,
    });
  }
  return {
    status: ApprovalRequestStatus.Pending,
    requesterId: input.requesterId,
    stepCount: input.stepCount,
    currentStepIndex: 0,
    currentStepActivatedAt: input.at,
    closedAt: null,
  };
}

/**
 * pending --approve(not last step)--> pending on the next step
 * pending --approve(last step)------> approved
 * pending --reject(with comment)----> rejected
 * pending --recall(by requester)----> recalled
 * pending --void--------------------> voided
 * Anything else throws: a closed request never reopens (a revised subject gets a new request).
 */
export function applyApprovalEvent(state: ApprovalRequestState, event: ApprovalEvent): ApprovalTransition {
  if (state.status !== ApprovalRequestStatus.Pending) {
    throw approvalError(
      ApprovalErrorCode.RequestClosed,
      `This request is already ${state.status}; it can no longer be ${pastTense(event.type)}.`,
      { status: state.status, event: event.type },
    );
  }
  switch (event.type) {
    case ApprovalEventType.Approve: {
      assertCurrentStep(state, event.stepIndex);
      const next = state.currentStepIndex + 1;
      if (next < state.stepCount) {
        return {
          state: { ...state, currentStepIndex: next, currentStepActivatedAt: event.at },
          outcome: ApprovalOutcome.StepApproved,
        };
      }
      return { state: close(state, ApprovalRequestStatus.Approved, event.at), outcome: ApprovalOutcome.Approved };
    }
    case ApprovalEventType.Reject:
      assertCurrentStep(state, event.stepIndex);
      // The requester must learn what to change; a bare "no" is refused.
      if (event.comment.trim().length === 0) {
        throw approvalError(ApprovalErrorCode.CommentRequired, 'Say why you reject the request.');
      }
      return { state: close(state, ApprovalRequestStatus.Rejected, event.at), outcome: ApprovalOutcome.Rejected };
    case ApprovalEventType.Recall:
      if (event.actorId !== state.requesterId) {
        throw approvalError(
          ApprovalErrorCode.RecallNotRequester,
          'Only the person who asked for approval can recall it.',
        );
      }
      return { state: close(state, ApprovalRequestStatus.Recalled, event.at), outcome: ApprovalOutcome.Recalled };
    case ApprovalEventType.Void:
      return { state: close(state, ApprovalRequestStatus.Voided, event.at), outcome: ApprovalOutcome.Voided };
    default:
      return assertNever(event, 'approval event');
  }
}

/**
 * approved --overrule--> rejected: the requesting service, which owns the subject, could not apply the approval (its
 * own rules refuse it). The only change of a closed request, so that approvals and the subject's service agree on one
 * outcome. Any other status throws.
 */
export function overruleApproval(state: ApprovalRequestState, at: Date): ApprovalTransition {
  if (state.status !== ApprovalRequestStatus.Approved) {
    throw approvalError(
      ApprovalErrorCode.RequestClosed,
      `Only an approved request can be overruled; this one is ${state.status}.`,
      { status: state.status, event: 'overrule' },
    );
  }
  return {
    state: { ...state, status: ApprovalRequestStatus.Rejected, closedAt: at },
    outcome: ApprovalOutcome.Rejected,
  };
}

/** Closed requests are final. */
export function isApprovalRequestClosed(state: Pick<ApprovalRequestState, 'status'>): boolean {
  switch (state.status) {
    case ApprovalRequestStatus.Pending:
      return false;
    case ApprovalRequestStatus.Approved:
    case ApprovalRequestStatus.Rejected:
    case ApprovalRequestStatus.Recalled:
    case ApprovalRequestStatus.Voided:
      return true;
    default:
      return assertNever(state.status, 'approval request status');
  }
}

function assertCurrentStep(state: ApprovalRequestState, stepIndex: number): void {
  if (stepIndex !== state.currentStepIndex) {
    throw approvalError(
      ApprovalErrorCode.StaleStep,
      'This step was already decided or is not yet open; reload the request to see its current step.',
      { stepIndex, currentStepIndex: state.currentStepIndex },
    );
  }
}

function close(state: ApprovalRequestState, status: ApprovalRequestStatus, at: Date): ApprovalRequestState {
  return { ...state, status, closedAt: at };
}

function pastTense(type: ApprovalEventType): string {
  switch (type) {
    case ApprovalEventType.Approve:
      return 'approved';
    case ApprovalEventType.Reject:
      return 'rejected';
    case ApprovalEventType.Recall:
      return 'recalled';
    case ApprovalEventType.Void:
      return 'voided';
    default:
      return assertNever(type, 'approval event type');
  }
}
