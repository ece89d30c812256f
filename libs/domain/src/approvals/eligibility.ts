import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { ApprovalErrorCode, approvalError } from './approval-error';
import { ResolvedApprovalStep, ResolvedApprover, ResolvedApproverKind } from './policy-resolution';
import { ApprovalRequestState } from './request-machine';
import { isEscalated } from './sla';

/** The person trying to decide, as the auth layer knows them. */
export interface ApprovalActor {
  readonly userId: string;
  readonly roles: readonly Role[];
  readonly unitIds: readonly string[];
}

/**
 * An approver lets a colleague decide on their behalf. Active on the half-open range
 * `[startsAt, endsAt)`: `startsAt` inclusive, `endsAt` exclusive, so "until 10 May inclusive" is stored as
 * `endsAt` = 11 May 00:00 in the company's time zone, and back-to-back delegations never overlap.
 * `approver` is the approver as they are now (roles and units): the delegate borrows exactly that.
 */
export interface ApprovalDelegation {
  readonly approver: ApprovalActor;
  readonly delegateId: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Why an actor may not decide a step. Values are sent on the wire: never rename. */
export enum IneligibilityReason {
  ForbiddenOwnRequest = 'forbidden_own_request',
  AdminNotApprover = 'admin_not_approver',
  WrongUnit = 'wrong_unit',
  NotEligible = 'not_eligible',
}

export type EligibilityDecision =
  | {
      readonly eligible: true;
      /** The approver the actor stands in for, or null when deciding in their own right. */
      readonly onBehalfOf: string | null;
    }
  | { readonly eligible: false; readonly reason: IneligibilityReason };

export interface EligibilityContext {
  readonly now: Date;
  readonly delegations: readonly ApprovalDelegation[];
}

/** The request as eligibility sees it: who asked, who wrote the subject, when the current step opened. */
export type DecidableRequest = Pick<ApprovalRequestState, 'requesterId' | 'currentStepActivatedAt'> & {
  /** The subject's authors besides the requester (e.g. an offer drafted by one person, submitted by another). */
  readonly authorIds?: readonly string[];
};

/** The requester and the subject's authors: none of them ever decides the request, nor by proxy. */
export function isParty(request: Pick<DecidableRequest, 'requesterId' | 'authorIds'>, userId: string): boolean {
  return userId === request.requesterId || (request.authorIds ?? []).includes(userId);
}

export type DecidableStep = Pick<
  ResolvedApprovalStep,
  'approver' | 'escalateTo' | 'dueAfterMinutes' | 'escalationGraceMinutes'
>;

/**
 * May `actor` decide `step` of `request` now?
 * - the requester never decides their own request, whatever roles they hold or delegations they received, and
 *   neither does an author of the subject (the approver is never the author);
 * - the actor must match the step's approver (the user, or the role within the unit); once the step is escalated
 *   (due + grace passed) the escalation target may decide it too;
 * - a delegation active at `now` lets the delegate decide as the approver; a delegation from the requester (or an
 *   author) confers nothing, so they cannot approve by proxy;
 * - the admin role never matches: administrators take no business decisions.
 */
export function canDecide(
  step: DecidableStep,
  actor: ApprovalActor,
  request: DecidableRequest,
  context: EligibilityContext,
): EligibilityDecision {
  if (isParty(request, actor.userId)) {
    return { eligible: false, reason: IneligibilityReason.ForbiddenOwnRequest };
  }
  const approvers = eligibleApprovers(step, request.currentStepActivatedAt, context.now);
  if (approvers.some((approver) => matchesApprover(approver, actor))) {
    return { eligible: true, onBehalfOf: null };
  }
  const delegation = context.delegations.find(
    (candidate) =>
      candidate.delegateId === actor.userId &&
      !isParty(request, candidate.approver.userId) &&
      isDelegationActive(candidate, context.now) &&
      approvers.some((approver) => matchesApprover(approver, candidate.approver)),
  );
  if (delegation !== undefined) {
    return { eligible: true, onBehalfOf: delegation.approver.userId };
  }
  return { eligible: false, reason: whyNot(approvers, actor) };
}

/** Like `canDecide`, but throws the matching `DomainError`; returns whom the actor stands in for (or null). */
export function assertCanDecide(
  step: DecidableStep,
  actor: ApprovalActor,
  request: DecidableRequest,
  context: EligibilityContext,
): string | null {
  const decision = canDecide(step, actor, request, context);
  if (decision.eligible) {
    return decision.onBehalfOf;
  }
  switch (decision.reason) {
    case IneligibilityReason.ForbiddenOwnRequest:
      throw approvalError(ApprovalErrorCode.ForbiddenOwnRequest, 'You cannot approve or reject your own request.');
    case IneligibilityReason.AdminNotApprover:
      throw approvalError(ApprovalErrorCode.AdminNotApprover, 'Administrators do not take business approvals.');
    case IneligibilityReason.WrongUnit:
      throw approvalError(ApprovalErrorCode.WrongUnit, 'This request belongs to another unit than yours.');
    case IneligibilityReason.NotEligible:
      throw approvalError(ApprovalErrorCode.NotEligible, 'You are not an approver of this step of the request.');
    default:
      return assertNever(decision.reason, 'ineligibility reason');
  }
}

/** Start inclusive, end exclusive (see `ApprovalDelegation`). */
export function isDelegationActive(delegation: Pick<ApprovalDelegation, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return delegation.startsAt.getTime() <= now.getTime() && now.getTime() < delegation.endsAt.getTime();
}

function eligibleApprovers(step: DecidableStep, activatedAt: Date, now: Date): readonly ResolvedApprover[] {
  const { escalateTo } = step;
  return escalateTo !== null && isEscalated(step, activatedAt, now) ? [step.approver, escalateTo] : [step.approver];
}

/** Does the actor, in their own right, fit this approver? The admin role never fits. */
export function matchesApprover(approver: ResolvedApprover, actor: ApprovalActor): boolean {
  switch (approver.kind) {
    case ResolvedApproverKind.User:
      return approver.userId === actor.userId;
    case ResolvedApproverKind.Role:
      return (
        approver.role !== Role.Admin &&
        actor.roles.includes(approver.role) &&
        (approver.unitId === null || actor.unitIds.includes(approver.unitId))
      );
    default:
      return assertNever(approver, 'resolved approver');
  }
}

function whyNot(approvers: readonly ResolvedApprover[], actor: ApprovalActor): IneligibilityReason {
  if (actor.roles.length > 0 && actor.roles.every((role) => role === Role.Admin)) {
    return IneligibilityReason.AdminNotApprover;
  }
  const roleButNotUnit = approvers.some(
    (approver) => approver.kind === ResolvedApproverKind.Role && actor.roles.includes(approver.role),
  );
  return roleButNotUnit ? IneligibilityReason.WrongUnit : IneligibilityReason.NotEligible;
}
