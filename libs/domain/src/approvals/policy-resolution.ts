import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { ApprovalErrorCode, approvalError } from './approval-error';
import { ApprovalPolicy, ApprovalStepCondition, ApproverRule, ApproverRuleKind } from './policy';
import { ApprovalSubjectKind } from './subject-kind';

/** Who may decide a resolved step. Values are stored with the request: never rename. */
export enum ResolvedApproverKind {
  User = 'user',
  Role = 'role',
}

export type ResolvedApprover =
  | { readonly kind: ResolvedApproverKind.User; readonly userId: string }
  /** `unitId` null: anyone holding the role, company-wide. */
  | { readonly kind: ResolvedApproverKind.Role; readonly role: Role; readonly unitId: string | null };

/** One concrete step of a request's chain, frozen when the request is opened. */
export interface ResolvedApprovalStep {
  /** Position in the chain, from 0. */
  readonly index: number;
  /** Position of the policy step it came from (conditional steps may be skipped). */
  readonly policyStepIndex: number;
  readonly approver: ResolvedApprover;
  readonly dueAfterMinutes: number;
  readonly escalationGraceMinutes: number;
  readonly escalateTo: ResolvedApprover | null;
}

/** The facts about a subject that decide its chain. */
export interface ApprovalSubjectFacts {
  readonly kind: ApprovalSubjectKind;
  readonly requesterId: string;
  /** Authors of the subject besides the requester: like the requester, a head who wrote it cannot approve it. */
  readonly authorIds?: readonly string[];
  readonly unitId: string | null;
  readonly unitHeadId: string | null;
  readonly amount: number | null;
  readonly discountPercent: number | null;
}

/** The policy of a subject kind, or `approval.policy_not_found`. */
export function findApprovalPolicy(policies: readonly ApprovalPolicy[], kind: ApprovalSubjectKind): ApprovalPolicy {
  const policy = policies.find((candidate) => candidate.subjectKind === kind);
  if (policy === undefined) {
    throw approvalError(ApprovalErrorCode.PolicyNotFound, `No approval policy is set for ${kind} requests.`, { kind });
  }
  return policy;
}

/**
 * Turns a policy into the concrete chain for one subject: skips conditional steps whose thresholds are not passed,
 * names who decides each step, and merges consecutive steps that would go to the same approver (e.g. a unit
 * without a head falls back to the owner, then the owner's threshold step), keeping the later step's SLA and
 * escalation because that step was written for that approver.
 */
export function resolveApprovalChain(
  policy: ApprovalPolicy,
  facts: ApprovalSubjectFacts,
): readonly ResolvedApprovalStep[] {
  if (policy.subjectKind !== facts.kind) {
    throw approvalError(
      ApprovalErrorCode.PolicyKindMismatch,
      `The ${policy.subjectKind} policy cannot be applied to a ${facts.kind} request.`,
      { policyKind: policy.subjectKind, subjectKind: facts.kind },
    );
  }
  const chain: Omit<ResolvedApprovalStep, 'index'>[] = [];
  policy.steps.forEach((step, policyStepIndex) => {
    if (!conditionApplies(step.condition, facts)) {
      return;
    }
    const resolved = {
      policyStepIndex,
      approver: resolveApprover(step.approver, facts),
      dueAfterMinutes: step.dueAfterMinutes,
      escalationGraceMinutes: step.escalationGraceMinutes,
      escalateTo: step.escalateTo === null ? null : resolveApprover(step.escalateTo, facts),
    };
    const previous = chain[chain.length - 1];
    if (previous !== undefined && sameApprover(previous.approver, resolved.approver)) {
      chain[chain.length - 1] = resolved;
    } else {
      chain.push(resolved);
    }
  });
  if (chain.length === 0) {
    throw approvalError(
      ApprovalErrorCode.EmptyChain,
      `The ${policy.subjectKind} policy names no approver for this request; ask an administrator to fix the policy.`,
    );
  }
  return chain.map((step, index) => ({ index, ...step }));
}

/** True when the step has no condition or when any of its thresholds is strictly exceeded. */
export function conditionApplies(
  condition: ApprovalStepCondition | null | undefined,
  facts: Pick<ApprovalSubjectFacts, 'amount' | 'discountPercent'>,
): boolean {
  if (condition === undefined || condition === null) {
    return true;
  }
  return exceeds(facts.amount, condition.amountAbove) || exceeds(facts.discountPercent, condition.discountPercentAbove);
}

export function resolveApprover(
  rule: ApproverRule,
  facts: Pick<ApprovalSubjectFacts, 'kind' | 'requesterId' | 'authorIds' | 'unitId' | 'unitHeadId'>,
): ResolvedApprover {
  switch (rule.kind) {
    case ApproverRuleKind.Role:
      if (!rule.unitScoped) {
        return { kind: ResolvedApproverKind.Role, role: rule.role, unitId: null };
      }
      if (facts.unitId === null) {
        throw approvalError(
          ApprovalErrorCode.UnitRequired,
          `This ${facts.kind} request has no unit, but its policy asks for a ${rule.role} of the unit.`,
          { kind: facts.kind, role: rule.role },
        );
      }
      return { kind: ResolvedApproverKind.Role, role: rule.role, unitId: facts.unitId };
    case ApproverRuleKind.UnitHead:
      // A head who wrote the request cannot approve it (separation of duties), so the fallback decides instead.
      if (
        facts.unitHeadId === null ||
        facts.unitHeadId === facts.requesterId ||
        (facts.authorIds ?? []).includes(facts.unitHeadId)
      ) {
        return resolveApprover(rule.fallback, facts);
      }
      return { kind: ResolvedApproverKind.User, userId: facts.unitHeadId };
    default:
      return assertNever(rule, 'approver rule');
  }
}

export function sameApprover(a: ResolvedApprover, b: ResolvedApprover): boolean {
  switch (a.kind) {
    case ResolvedApproverKind.User:
      return b.kind === ResolvedApproverKind.User && a.userId === b.userId;
    case ResolvedApproverKind.Role:
      return b.kind === ResolvedApproverKind.Role && a.role === b.role && a.unitId === b.unitId;
    default:
      return assertNever(a, 'resolved approver');
  }
}

function exceeds(value: number | null, threshold: number | null | undefined): boolean {
  return value !== null && threshold !== undefined && threshold !== null && value > threshold;
}
