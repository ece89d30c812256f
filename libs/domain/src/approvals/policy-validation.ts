import { ALL_ROLES, Role } from '../roles';
import { ApprovalErrorCode, approvalError } from './approval-error';
import {
  ApprovalPolicy,
  ApprovalPolicyStep,
  ApprovalStepCondition,
  ApproverRule,
  ApproverRuleKind,
  approverRuleKey,
} from './policy';
import { isApprovalSubjectKind } from './subject-kind';

/** Why one field of an admin-edited policy is refused. Values are sent on the wire: never rename. */
export enum PolicyFieldErrorCode {
  UnknownValue = 'unknown_value',
  NoSteps = 'no_steps',
  AdminNotApprover = 'admin_not_approver',
  NotPositiveInteger = 'not_positive_integer',
  EmptyCondition = 'empty_condition',
  InvalidThreshold = 'invalid_threshold',
  DuplicateStep = 'duplicate_step',
  NoUnconditionalStep = 'no_unconditional_step',
}

/** `field` is a path into the policy, e.g. `steps[1].dueAfterMinutes`. */
export interface PolicyFieldError {
  readonly field: string;
  readonly code: PolicyFieldErrorCode;
  readonly message: string;
}

/**
 * Checks a policy an admin edited. Returns every problem at once (empty array: valid) so the UI can mark all
 * fields in one round trip. Values may come from JSON, so enum members are checked at runtime too.
 */
export function validateApprovalPolicy(policy: ApprovalPolicy): readonly PolicyFieldError[] {
  const errors: PolicyFieldError[] = [];
  if (!isApprovalSubjectKind(policy.subjectKind)) {
    errors.push(fieldError('subjectKind', PolicyFieldErrorCode.UnknownValue, 'Choose a known subject kind.'));
  }
  // Policies may arrive as loose JSON; checking a copy typed unknown keeps isArray from widening steps to any[].
  const rawSteps: unknown = policy.steps;
  if (!Array.isArray(rawSteps) || policy.steps.length === 0) {
    errors.push(fieldError('steps', PolicyFieldErrorCode.NoSteps, 'A policy needs at least one approval step.'));
    return errors;
  }

  const seen = new Map<string, number>();
  policy.steps.forEach((step, index) => {
    const at = `steps[${index}]`;
    errors.push(...validateStep(step, at));
    const key = stepKey(step);
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, index);
    } else {
      errors.push(
        fieldError(
          at,
          PolicyFieldErrorCode.DuplicateStep,
          `This step repeats step ${earlier + 1}: same approver and condition.`,
        ),
      );
    }
  });

  // Without an unconditional step a small request could resolve to no approver at all and pass unchecked.
  if (policy.steps.every((step) => hasCondition(step.condition))) {
    errors.push(
      fieldError(
        'steps',
        PolicyFieldErrorCode.NoUnconditionalStep,
        'At least one step must apply to every request, without a condition.',
      ),
    );
  }
  return errors;
}

/** Throws `approval.policy_invalid` carrying the field errors in `details.errors`. */
export function assertValidApprovalPolicy(policy: ApprovalPolicy): void {
  const errors = validateApprovalPolicy(policy);
  if (errors.length > 0) {
    throw approvalError(
      ApprovalErrorCode.PolicyInvalid,
      `The approval policy has ${errors.length} problem(s): ${errors.map((e) => `${e.field}: ${e.message}`).join(' ')}`,
      { errors },
    );
  }
}

function validateStep(step: ApprovalPolicyStep, at: string): PolicyFieldError[] {
  const errors = [...validateRule(step.approver, `${at}.approver`)];
  if (step.escalateTo !== null) {
    errors.push(...validateRule(step.escalateTo, `${at}.escalateTo`));
  }
  for (const name of ['dueAfterMinutes', 'escalationGraceMinutes'] as const) {
    if (!isPositiveInteger(step[name])) {
      errors.push(
        fieldError(
          `${at}.${name}`,
          PolicyFieldErrorCode.NotPositiveInteger,
          'Enter a whole number of minutes above 0.',
        ),
      );
    }
  }
  if (step.condition !== undefined && step.condition !== null) {
    errors.push(...validateCondition(step.condition, `${at}.condition`));
  }
  return errors;
}

function validateRule(rule: ApproverRule, at: string): PolicyFieldError[] {
  switch (rule.kind) {
    case ApproverRuleKind.Role:
      if (!(ALL_ROLES as readonly string[]).includes(rule.role)) {
        return [fieldError(`${at}.role`, PolicyFieldErrorCode.UnknownValue, 'Choose a known role.')];
      }
      // Admins run the system; they never take business decisions (DOMAIN.md, roles).
      if (rule.role === Role.Admin) {
        return [
          fieldError(`${at}.role`, PolicyFieldErrorCode.AdminNotApprover, 'An administrator cannot approve requests.'),
        ];
      }
      return [];
    case ApproverRuleKind.UnitHead:
      return validateRule(rule.fallback, `${at}.fallback`);
    default: {
      // Exhaustiveness check that still reports (rather than throws on) an unknown kind arriving as JSON.
      const unknown: never = rule;
      return [
        fieldError(`${at}.kind`, PolicyFieldErrorCode.UnknownValue, `Unknown approver kind: ${String(unknown)}.`),
      ];
    }
  }
}

function validateCondition(condition: ApprovalStepCondition, at: string): PolicyFieldError[] {
  if (!hasCondition(condition)) {
    return [
      fieldError(at, PolicyFieldErrorCode.EmptyCondition, 'Give an amount or a discount threshold, or no condition.'),
    ];
  }
  const errors: PolicyFieldError[] = [];
  const { amountAbove, discountPercentAbove } = condition;
  if (isSet(amountAbove) && !(Number.isFinite(amountAbove) && amountAbove >= 0)) {
    errors.push(
      fieldError(`${at}.amountAbove`, PolicyFieldErrorCode.InvalidThreshold, 'The amount threshold must be 0 or more.'),
    );
  }
  if (isSet(discountPercentAbove) && !(discountPercentAbove >= 0 && discountPercentAbove < 100)) {
    errors.push(
      fieldError(
        `${at}.discountPercentAbove`,
        PolicyFieldErrorCode.InvalidThreshold,
        'The discount threshold must be a percentage from 0 to below 100.',
      ),
    );
  }
  return errors;
}

function stepKey(step: ApprovalPolicyStep): string {
  const condition = step.condition ?? {};
  return `${safeRuleKey(step.approver)}|${condition.amountAbove ?? '-'}|${condition.discountPercentAbove ?? '-'}`;
}

// An unknown kind from JSON would make approverRuleKey throw; it is already reported by validateRule.
function safeRuleKey(rule: ApproverRule): string {
  try {
    return approverRuleKey(rule);
  } catch {
    return JSON.stringify(rule);
  }
}

function hasCondition(condition: ApprovalStepCondition | null | undefined): boolean {
  return isSet(condition?.amountAbove) || isSet(condition?.discountPercentAbove);
}

function isSet(value: number | null | undefined): value is number {
  return value !== undefined && value !== null;
}

function isPositiveInteger(value: number): boolean {
  return Number.isInteger(value) && value > 0;
}

function fieldError(field: string, code: PolicyFieldErrorCode, message: string): PolicyFieldError {
  return { field, code, message };
}
