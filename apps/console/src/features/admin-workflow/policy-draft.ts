// An approval policy as the form edits it, and back to the body the server takes. The server validates; this only
// reshapes (numbers left empty go as null, so the server names the field).
import { ApiError } from '../../api/errors';
import type { ApproverRule, BusinessRole, PolicyBody, PolicyStep, StoredPolicy } from './queries';

/** An approver: a role (optionally within the unit), or the unit's head with that role as the fallback. */
export interface RuleDraft {
  kind: ApproverRule['kind'];
  role: BusinessRole;
  unitScoped: boolean;
}

export type NumberDraft = number | '';

export interface StepDraft {
  approver: RuleDraft;
  amountAbove: NumberDraft;
  discountPercentAbove: NumberDraft;
  dueAfterMinutes: NumberDraft;
  escalationGraceMinutes: NumberDraft;
  escalateTo: RuleDraft | null;
}

export const newStep = (): StepDraft => ({
  approver: { kind: 'unit_head', role: 'owner', unitScoped: false },
  amountAbove: '',
  discountPercentAbove: '',
  dueAfterMinutes: 480,
  escalationGraceMinutes: 240,
  escalateTo: null,
});

function ruleDraft(rule: ApproverRule): RuleDraft {
  const role = rule.kind === 'unit_head' ? rule.fallback : rule;
  return { kind: rule.kind, role: role?.role ?? 'owner', unitScoped: role?.unitScoped ?? false };
}

const numberDraft = (value: number | null | undefined): NumberDraft => value ?? '';

export function toStepDrafts(stored: StoredPolicy): StepDraft[] {
  return stored.policy.steps.map((step) => ({
    approver: ruleDraft(step.approver),
    amountAbove: numberDraft(step.condition?.amountAbove),
    discountPercentAbove: numberDraft(step.condition?.discountPercentAbove),
    dueAfterMinutes: step.dueAfterMinutes,
    escalationGraceMinutes: step.escalationGraceMinutes,
    escalateTo: step.escalateTo ? ruleDraft(step.escalateTo) : null,
  }));
}

function toRule(draft: RuleDraft): ApproverRule {
  const role = { kind: 'role' as const, role: draft.role, unitScoped: draft.unitScoped };
  return draft.kind === 'role' ? role : { kind: 'unit_head', fallback: role };
}

const orNull = (value: NumberDraft) => (value === '' ? null : value);

export function toPolicyBody(steps: StepDraft[], version: number): PolicyBody {
  return {
    version,
    steps: steps.map((step): PolicyStep => ({
      approver: toRule(step.approver),
      condition:
        step.amountAbove === '' && step.discountPercentAbove === ''
          ? null
          : { amountAbove: orNull(step.amountAbove), discountPercentAbove: orNull(step.discountPercentAbove) },
      // An empty field goes as null: the server answers 400 naming it.
      dueAfterMinutes: orNull(step.dueAfterMinutes) as number,
      escalationGraceMinutes: orNull(step.escalationGraceMinutes) as number,
      escalateTo: step.escalateTo ? toRule(step.escalateTo) : null,
    })),
  };
}

/** One problem the server found with a policy's field (`details.errors` of `approval.policy_invalid`). */
export interface PolicyProblem {
  field: string;
  code: string;
  message: string;
}

const normal = (field: string) => field.replace(/\[(\d+)\]/g, '.$1');

/** The rule problems of a refused policy, by field path (`steps.1.dueAfterMinutes`); empty for other refusals. */
export function policyProblems(error: unknown): Map<string, PolicyProblem> {
  const found = new Map<string, PolicyProblem>();
  if (!(error instanceof ApiError)) return found;
  const errors = error.body.details?.errors;
  if (!Array.isArray(errors)) return found;
  for (const problem of errors as PolicyProblem[]) {
    if (!found.has(normal(problem.field))) found.set(normal(problem.field), problem);
  }
  return found;
}
