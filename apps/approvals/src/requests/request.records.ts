import {
  ApprovalRequestState,
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  ResolvedApprovalStep,
} from '@dealgate/domain';

// What the request repositories hand out and take: camelCase records in domain terms. The entities (request.entity.ts,
// request-step.entity.ts) and the raw rows of the set-based reads stay inside the repository.

/** Stored step states. Values are stored: never rename. */
export enum StepStatus {
  Waiting = 'waiting',
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
  Cancelled = 'cancelled',
}

/** A request as stored; it is also the state the request machine (libs/domain) works on. */
export interface ApprovalRequestRecord extends ApprovalRequestState {
  readonly id: string;
  readonly subjectKind: ApprovalSubjectKind;
  readonly subjectId: string;
  readonly subjectVersion: number;
  /** The subject's authors besides the requester: they may not decide it either. */
  readonly authorIds: readonly string[];
  readonly unitId: string | null;
  readonly amount: number | null;
  readonly discountPercent: number | null;
  readonly snapshot: Record<string, unknown>;
  readonly policyVersion: number;
  readonly status: ApprovalRequestStatus;
  readonly requestedAt: Date;
  readonly openedAt: Date;
  readonly closedBy: string | null;
  readonly closeComment: string | null;
  /** Bumped on every change of the request. */
  readonly version: number;
}

/** A step of a request's frozen chain: the resolved step (what eligibility and the SLA read) and its progress. */
export interface ApprovalStepRecord extends ResolvedApprovalStep {
  readonly requestId: string;
  readonly status: StepStatus;
  readonly activatedAt: Date | null;
  readonly dueAt: Date | null;
  readonly escalationAt: Date | null;
  readonly decidedBy: string | null;
  readonly onBehalfOf: string | null;
  readonly decidedAt: Date | null;
  readonly comment: string | null;
}
