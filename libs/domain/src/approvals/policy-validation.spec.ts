import { DomainError } from '../domain-error';
import { Role } from '../roles';
import { ApprovalErrorCode } from './approval-error';
import { defaultApprovalPolicies } from './default-policies';
import { ApprovalPolicy, ApprovalPolicyStep, ApproverRuleKind, roleApprover, unitHeadApprover } from './policy';
import { PolicyFieldErrorCode, assertValidApprovalPolicy, validateApprovalPolicy } from './policy-validation';
import { ApprovalSubjectKind } from './subject-kind';

const step = (overrides: Partial<ApprovalPolicyStep> = {}): ApprovalPolicyStep => ({
  approver: roleApprover(Role.Owner),
  dueAfterMinutes: 60,
  escalationGraceMinutes: 30,
  escalateTo: null,
  ...overrides,
});

const policy = (steps: readonly ApprovalPolicyStep[], subjectKind = ApprovalSubjectKind.Offer): ApprovalPolicy => ({
  subjectKind,
  steps,
});

describe('validateApprovalPolicy', () => {
  it.each(defaultApprovalPolicies().map((p) => [p.subjectKind, p] as const))(
    'accepts the default %s policy',
    (_, p) => {
      expect(validateApprovalPolicy(p)).toEqual([]);
    },
  );

  it.each<[string, ApprovalPolicy, ReadonlyArray<[string, PolicyFieldErrorCode]>]>([
    ['no steps', policy([]), [['steps', PolicyFieldErrorCode.NoSteps]]],
    [
      'unknown subject kind',
      policy([step()], 'quote' as ApprovalSubjectKind),
      [['subjectKind', PolicyFieldErrorCode.UnknownValue]],
    ],
    [
      'zero due time',
      policy([step({ dueAfterMinutes: 0 })]),
      [['steps[0].dueAfterMinutes', PolicyFieldErrorCode.NotPositiveInteger]],
    ],
    [
      'negative grace',
      policy([step({ escalationGraceMinutes: -5 })]),
      [['steps[0].escalationGraceMinutes', PolicyFieldErrorCode.NotPositiveInteger]],
    ],
    [
      'fractional due time',
      policy([step({ dueAfterMinutes: 1.5 })]),
      [['steps[0].dueAfterMinutes', PolicyFieldErrorCode.NotPositiveInteger]],
    ],
    [
      'admin approver',
      policy([step({ approver: roleApprover(Role.Admin) })]),
      [['steps[0].approver.role', PolicyFieldErrorCode.AdminNotApprover]],
    ],
    [
      'admin as unit-head fallback',
      policy([step({ approver: unitHeadApprover(roleApprover(Role.Admin)) })]),
      [['steps[0].approver.fallback.role', PolicyFieldErrorCode.AdminNotApprover]],
    ],
    [
      'admin as escalation target',
      policy([step({ escalateTo: roleApprover(Role.Admin) })]),
      [['steps[0].escalateTo.role', PolicyFieldErrorCode.AdminNotApprover]],
    ],
    [
      'unknown role',
      policy([step({ approver: roleApprover('ceo' as Role) })]),
      [['steps[0].approver.role', PolicyFieldErrorCode.UnknownValue]],
    ],
    [
      'unknown approver kind',
      policy([step({ approver: { kind: 'robot' } as unknown as ApprovalPolicyStep['approver'] })]),
      [['steps[0].approver.kind', PolicyFieldErrorCode.UnknownValue]],
    ],
    [
      'empty condition',
      policy([step(), step({ approver: roleApprover(Role.SalesHead), condition: {} })]),
      [['steps[1].condition', PolicyFieldErrorCode.EmptyCondition]],
    ],
    [
      'negative amount threshold',
      policy([step(), step({ approver: roleApprover(Role.SalesHead), condition: { amountAbove: -1 } })]),
      [['steps[1].condition.amountAbove', PolicyFieldErrorCode.InvalidThreshold]],
    ],
    [
      'discount threshold of 100 %',
      policy([step(), step({ approver: roleApprover(Role.SalesHead), condition: { discountPercentAbove: 100 } })]),
      [['steps[1].condition.discountPercentAbove', PolicyFieldErrorCode.InvalidThreshold]],
    ],
    ['duplicate step', policy([step(), step()]), [['steps[1]', PolicyFieldErrorCode.DuplicateStep]]],
    [
      'only conditional steps',
      policy([step({ condition: { amountAbove: 10 } })]),
      [['steps', PolicyFieldErrorCode.NoUnconditionalStep]],
    ],
  ])('refuses %s', (_, input, expected) => {
    const errors = validateApprovalPolicy(input);
    expect(errors.map((e) => [e.field, e.code])).toEqual(expected);
    errors.forEach((e) => expect(e.message.length).toBeGreaterThan(0));
  });

  it('allows the same approver twice when conditions differ', () => {
    const p = policy([step(), step({ condition: { amountAbove: 10 } })]);
    expect(validateApprovalPolicy(p)).toEqual([]);
  });

  it('reports every problem at once', () => {
    const p = policy([step({ dueAfterMinutes: 0, escalationGraceMinutes: 0, approver: roleApprover(Role.Admin) })]);
    expect(validateApprovalPolicy(p).map((e) => e.field)).toEqual([
      'steps[0].approver.role',
      'steps[0].dueAfterMinutes',
      'steps[0].escalationGraceMinutes',
    ]);
  });

  it('assertValidApprovalPolicy throws approval.policy_invalid with the field errors', () => {
    let thrown: unknown;
    try {
      assertValidApprovalPolicy(policy([]));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({
      code: ApprovalErrorCode.PolicyInvalid,
      details: { errors: [expect.objectContaining({ field: 'steps' })] },
    });
    expect(() => assertValidApprovalPolicy(defaultApprovalPolicies()[0])).not.toThrow();
  });

  it('names each approver kind', () => {
    expect(unitHeadApprover().kind).toBe(ApproverRuleKind.UnitHead);
    expect(unitHeadApprover().fallback).toEqual(roleApprover(Role.Owner));
  });
});
