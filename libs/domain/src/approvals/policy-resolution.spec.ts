import { Role } from '../roles';
import { ApprovalErrorCode, isApprovalError } from './approval-error';
import { DEFAULT_OFFER_THRESHOLDS, defaultApprovalPolicies } from './default-policies';
import { ApprovalPolicy, roleApprover } from './policy';
import {
  ApprovalSubjectFacts,
  ResolvedApprover,
  ResolvedApproverKind,
  conditionApplies,
  findApprovalPolicy,
  resolveApprovalChain,
} from './policy-resolution';
import { ALL_APPROVAL_SUBJECT_KINDS, ApprovalSubjectKind, isApprovalSubjectKind } from './subject-kind';

const owner: ResolvedApprover = { kind: ResolvedApproverKind.Role, role: Role.Owner, unitId: null };
const head = (userId: string): ResolvedApprover => ({ kind: ResolvedApproverKind.User, userId });

const facts = (overrides: Partial<ApprovalSubjectFacts> = {}): ApprovalSubjectFacts => ({
  kind: ApprovalSubjectKind.Offer,
  requesterId: 'sales-1',
  unitId: 'unit-a',
  unitHeadId: 'head-a',
  amount: 500_000,
  discountPercent: 5,
  ...overrides,
});

const policies = defaultApprovalPolicies();
const chainOf = (input: ApprovalSubjectFacts) => resolveApprovalChain(findApprovalPolicy(policies, input.kind), input);

describe('subject kinds', () => {
  it('keeps its wire values', () => {
    expect(ALL_APPROVAL_SUBJECT_KINDS).toEqual(['target_sample', 'offer', 'contract_deviation']);
    expect(isApprovalSubjectKind('offer')).toBe(true);
    expect(isApprovalSubjectKind('quote')).toBe(false);
    expect(isApprovalSubjectKind(7)).toBe(false);
  });
});

describe('resolveApprovalChain with the default policies', () => {
  it.each<[string, ApprovalSubjectFacts, readonly ResolvedApprover[]]>([
    [
      'target sample -> owner',
      facts({
        kind: ApprovalSubjectKind.TargetSample,
        unitId: null,
        unitHeadId: null,
        amount: null,
        discountPercent: null,
      }),
      [owner],
    ],
    ['small offer -> head of the unit', facts(), [head('head-a')]],
    [
      'offer at the amount threshold -> head only',
      facts({ amount: DEFAULT_OFFER_THRESHOLDS.amountAbove }),
      [head('head-a')],
    ],
    ['offer past the amount threshold -> head then owner', facts({ amount: 1_000_001 }), [head('head-a'), owner]],
    [
      'offer at the discount threshold -> head only',
      facts({ discountPercent: DEFAULT_OFFER_THRESHOLDS.discountPercentAbove }),
      [head('head-a')],
    ],
    ['offer past the discount threshold -> head then owner', facts({ discountPercent: 15.5 }), [head('head-a'), owner]],
    ['offer without amount or discount -> head only', facts({ amount: null, discountPercent: null }), [head('head-a')]],
    ['offer of a unit without head -> owner', facts({ unitHeadId: null }), [owner]],
    ['offer written by the head -> owner', facts({ requesterId: 'head-a' }), [owner]],
    ['offer drafted by the head, submitted by a seller -> owner', facts({ authorIds: ['head-a'] }), [owner]],
    ['offer drafted by another seller -> head', facts({ authorIds: ['sales-9'] }), [head('head-a')]],
    ['big offer of a unit without head -> owner once', facts({ unitHeadId: null, amount: 2_000_000 }), [owner]],
    [
      'contract deviation -> head of the unit',
      facts({ kind: ApprovalSubjectKind.ContractDeviation }),
      [head('head-a')],
    ],
    [
      'contract deviation, unit without head -> owner',
      facts({ kind: ApprovalSubjectKind.ContractDeviation, unitHeadId: null }),
      [owner],
    ],
    [
      'big contract deviation -> head only (no threshold step)',
      facts({ kind: ApprovalSubjectKind.ContractDeviation, amount: 9_000_000 }),
      [head('head-a')],
    ],
  ])('%s', (_, input, approvers) => {
    const chain = chainOf(input);
    expect(chain.map((s) => s.approver)).toEqual(approvers);
    expect(chain.map((s) => s.index)).toEqual(approvers.map((_a, i) => i));
  });

  it('carries SLA and escalation per step; a merged step keeps the later step', () => {
    const [first, second] = chainOf(facts({ amount: 2_000_000 }));
    expect(first).toEqual({
      index: 0,
      policyStepIndex: 0,
      approver: head('head-a'),
      dueAfterMinutes: 1440,
      escalationGraceMinutes: 1440,
      escalateTo: owner,
    });
    expect(second).toMatchObject({ index: 1, policyStepIndex: 1, approver: owner, escalateTo: null });
    expect(chainOf(facts({ unitHeadId: null, amount: 2_000_000 }))).toEqual([
      expect.objectContaining({ index: 0, policyStepIndex: 1, escalateTo: null }),
    ]);
  });

  it('takes thresholds as configuration', () => {
    const custom = defaultApprovalPolicies({ amountAbove: 100, discountPercentAbove: 50 });
    const offer = findApprovalPolicy(custom, ApprovalSubjectKind.Offer);
    expect(resolveApprovalChain(offer, facts({ amount: 101, discountPercent: 0 }))).toHaveLength(2);
  });
});

describe('resolveApprovalChain with custom policies', () => {
  const unitSalesHeads: ApprovalPolicy = {
    subjectKind: ApprovalSubjectKind.ContractDeviation,
    steps: [
      {
        approver: roleApprover(Role.SalesHead, true),
        dueAfterMinutes: 60,
        escalationGraceMinutes: 60,
        escalateTo: null,
      },
      { approver: roleApprover(Role.Legal), dueAfterMinutes: 60, escalationGraceMinutes: 60, escalateTo: null },
    ],
  };

  it('scopes a unit-scoped role to the subject unit and leaves others company-wide', () => {
    const chain = resolveApprovalChain(unitSalesHeads, facts({ kind: ApprovalSubjectKind.ContractDeviation }));
    expect(chain.map((s) => s.approver)).toEqual([
      { kind: ResolvedApproverKind.Role, role: Role.SalesHead, unitId: 'unit-a' },
      { kind: ResolvedApproverKind.Role, role: Role.Legal, unitId: null },
    ]);
  });

  it.each<[string, () => unknown, ApprovalErrorCode]>([
    [
      'a unit-scoped role without a unit',
      () => resolveApprovalChain(unitSalesHeads, facts({ kind: ApprovalSubjectKind.ContractDeviation, unitId: null })),
      ApprovalErrorCode.UnitRequired,
    ],
    [
      'a policy of another kind',
      () => resolveApprovalChain(unitSalesHeads, facts()),
      ApprovalErrorCode.PolicyKindMismatch,
    ],
    [
      'a chain that resolves to nothing',
      () =>
        resolveApprovalChain(
          {
            subjectKind: ApprovalSubjectKind.Offer,
            steps: [{ ...unitSalesHeads.steps[1], condition: { amountAbove: 10 } }],
          },
          facts({ amount: 1 }),
        ),
      ApprovalErrorCode.EmptyChain,
    ],
    ['a missing policy', () => findApprovalPolicy([], ApprovalSubjectKind.Offer), ApprovalErrorCode.PolicyNotFound],
  ])('refuses %s', (_, run, code) => {
    expect(run).toThrow(expect.objectContaining({ code }));
    try {
      run();
    } catch (error) {
      expect(isApprovalError(error)).toBe(true);
    }
  });
});

describe('conditionApplies', () => {
  it.each([
    [null, 1, 1, true],
    [{ amountAbove: 10 }, 11, null, true],
    [{ amountAbove: 10 }, 10, null, false],
    [{ amountAbove: 10 }, null, 99, false],
    [{ discountPercentAbove: 10 }, 0, 10.01, true],
    [{ amountAbove: 10, discountPercentAbove: 10 }, 5, 20, true],
    [{ amountAbove: 10, discountPercentAbove: 10 }, 5, 5, false],
  ])('%j with amount %p and discount %p -> %p', (condition, amount, discountPercent, expected) => {
    expect(conditionApplies(condition, { amount, discountPercent })).toBe(expected);
  });
});
