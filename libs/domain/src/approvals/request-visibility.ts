import { Role } from '../roles';
import { ApprovalActor, EligibilityContext, isDelegationActive, isParty, matchesApprover } from './eligibility';
import { ResolvedApprover } from './policy-resolution';

/** One step of a request's frozen chain, as visibility sees it: whoever it names, and who decided it. */
export interface VisibleStep {
  readonly approver: ResolvedApprover;
  readonly escalateTo: ResolvedApprover | null;
  readonly decidedBy: string | null;
}

/** The request as visibility sees it: its parties, its unit and its whole chain (every step, decided or not). */
export interface VisibleRequest {
  readonly requesterId: string;
  readonly authorIds?: readonly string[];
  readonly unitId: string | null;
  readonly steps: readonly VisibleStep[];
}

/**
 * May `actor` see `request` (anything else answers 404)?
 * - the requester and the subject's authors see their own request; the owner sees every request; a sales head sees
 *   their unit's;
 * - so does anyone a step of the chain names as approver or escalation target (in their own right, or as an approver
 *   who delegated to them, by a delegation active at `now`), whether or not the step is reached or escalated: the
 *   chain is frozen at opening, so who will decide it may follow it from the start;
 * - and whoever decided a step of it;
 * - the admin role never matches a step (administrators take no business decisions).
 * Written from the doc comment of `visibleSql` in apps/approvals (access-scope.int-spec.ts checks they agree).
 */
export function canSeeRequest(request: VisibleRequest, actor: ApprovalActor, context: EligibilityContext): boolean {
  if (isParty(request, actor.userId) || actor.roles.includes(Role.Owner)) {
    return true;
  }
  if (actor.roles.includes(Role.SalesHead) && request.unitId !== null && actor.unitIds.includes(request.unitId)) {
    return true;
  }
  const identities: readonly ApprovalActor[] = [
    actor,
    ...context.delegations
      .filter((delegation) => delegation.delegateId === actor.userId && isDelegationActive(delegation, context.now))
      .map((delegation) => delegation.approver),
  ];
  return request.steps.some(
    (step) =>
      step.decidedBy === actor.userId ||
      identities.some(
        (identity) =>
          matchesApprover(step.approver, identity) ||
          (step.escalateTo !== null && matchesApprover(step.escalateTo, identity)),
      ),
  );
}
