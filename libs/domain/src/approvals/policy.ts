import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { ApprovalSubjectKind } from './subject-kind';

/** How a policy step names its approver. Values are stored in admin-edited policies: never rename. */
export enum ApproverRuleKind {
  Role = 'role',
  UnitHead = 'unit_head',
}

/** Anyone holding `role`; when `unitScoped`, only within the subject's unit. */
export interface RoleApproverRule {
  readonly kind: ApproverRuleKind.Role;
  readonly role: Role;
  readonly unitScoped: boolean;
}

/** The head of the subject's unit; `fallback` applies when the unit has no head or the head is the requester. */
export interface UnitHeadApproverRule {
  readonly kind: ApproverRuleKind.UnitHead;
  readonly fallback: RoleApproverRule;
}

export type ApproverRule = RoleApproverRule | UnitHeadApproverRule;

/**
 * A step applies when ANY given threshold is strictly exceeded ("past the threshold").
 * A missing (null) amount or discount on the subject never exceeds a threshold.
 */
export interface ApprovalStepCondition {
  readonly amountAbove?: number | null;
  readonly discountPercentAbove?: number | null;
}

export interface ApprovalPolicyStep {
  readonly approver: ApproverRule;
  /** Absent or null: the step always applies. */
  readonly condition?: ApprovalStepCondition | null;
  /** Minutes after the step becomes active until the approver is reminded. */
  readonly dueAfterMinutes: number;
  /** Minutes after the due time until the step escalates. */
  readonly escalationGraceMinutes: number;
  /** Who may step in once escalated; null: reminders only (e.g. the owner has no one above). */
  readonly escalateTo: ApproverRule | null;
}

/** One policy per subject kind; steps are decided in order. */
export interface ApprovalPolicy {
  readonly subjectKind: ApprovalSubjectKind;
  readonly steps: readonly ApprovalPolicyStep[];
}

export function roleApprover(role: Role, unitScoped = false): RoleApproverRule {
  return { kind: ApproverRuleKind.Role, role, unitScoped };
}

export function unitHeadApprover(fallback: RoleApproverRule = roleApprover(Role.Owner)): UnitHeadApproverRule {
  return { kind: ApproverRuleKind.UnitHead, fallback };
}

/** A canonical string for an approver rule: equal rules give equal keys (used to spot duplicate steps). */
export function approverRuleKey(rule: ApproverRule): string {
  switch (rule.kind) {
    case ApproverRuleKind.Role:
      return `role:${rule.role}:${rule.unitScoped ? 'unit' : 'any'}`;
    case ApproverRuleKind.UnitHead:
      return `unit_head>${approverRuleKey(rule.fallback)}`;
    default:
      return assertNever(rule, 'approver rule');
  }
}
