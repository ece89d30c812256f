import { Role } from '../roles';
import { ApprovalErrorCode } from './approval-error';
import {
  ApprovalActor,
  ApprovalDelegation,
  DecidableStep,
  EligibilityDecision,
  IneligibilityReason,
  assertCanDecide,
  canDecide,
  isDelegationActive,
  isParty,
} from './eligibility';
import { ResolvedApprover, ResolvedApproverKind } from './policy-resolution';

const T0 = new Date('2025-03-03T09:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

const owner: ResolvedApprover = { kind: ResolvedApproverKind.Role, role: Role.Owner, unitId: null };
const salesHeadOfA: ResolvedApprover = { kind: ResolvedApproverKind.Role, role: Role.SalesHead, unitId: 'unit-a' };
const headUser: ResolvedApprover = { kind: ResolvedApproverKind.User, userId: 'head-a' };

// Reminder at +24h, escalation to the owner at +48h.
const step = (approver: ResolvedApprover, escalateTo: ResolvedApprover | null = owner): DecidableStep => ({
  approver,
  escalateTo,
  dueAfterMinutes: 24 * 60,
  escalationGraceMinutes: 24 * 60,
});

const actor = (userId: string, roles: readonly Role[], unitIds: readonly string[] = []): ApprovalActor => ({
  userId,
  roles,
  unitIds,
});

const request = { requesterId: 'sales-1', currentStepActivatedAt: T0 };

const headA = actor('head-a', [Role.SalesHead], ['unit-a']);
const headB = actor('head-b', [Role.SalesHead], ['unit-b']);
const theOwner = actor('owner-1', [Role.Owner]);
const requesterWithAllRoles = actor('sales-1', [Role.Owner, Role.SalesHead, Role.Salesperson], ['unit-a']);
const admin = actor('admin-1', [Role.Admin]);
const adminOwner = actor('admin-owner', [Role.Admin, Role.Owner]);
const salesperson = actor('sales-2', [Role.Salesperson], ['unit-a']);

const delegation = (
  approver: ApprovalActor,
  delegateId: string,
  startsAt = hours(-24),
  endsAt = hours(24),
): ApprovalDelegation => ({ approver, delegateId, startsAt, endsAt });

const yes = (onBehalfOf: string | null = null): EligibilityDecision => ({ eligible: true, onBehalfOf });
const no = (reason: IneligibilityReason): EligibilityDecision => ({ eligible: false, reason });

describe('canDecide', () => {
  it.each<[string, DecidableStep, ApprovalActor, Date, readonly ApprovalDelegation[], EligibilityDecision]>([
    ['the named unit head', step(headUser), headA, T0, [], yes()],
    ['another sales head for a named head', step(headUser), headB, T0, [], no(IneligibilityReason.NotEligible)],
    ['a sales head of the unit', step(salesHeadOfA), headA, T0, [], yes()],
    ['a sales head of another unit', step(salesHeadOfA), headB, T0, [], no(IneligibilityReason.WrongUnit)],
    ['a salesperson of the unit', step(salesHeadOfA), salesperson, T0, [], no(IneligibilityReason.NotEligible)],
    ['the owner on an owner step', step(owner, null), theOwner, T0, [], yes()],
    [
      'the requester, whatever roles they hold',
      step(owner, null),
      requesterWithAllRoles,
      T0,
      [],
      no(IneligibilityReason.ForbiddenOwnRequest),
    ],
    [
      'the requester holding a delegation from the approver',
      step(headUser),
      requesterWithAllRoles,
      T0,
      [delegation(headA, 'sales-1')],
      no(IneligibilityReason.ForbiddenOwnRequest),
    ],
    ['an admin', step(owner, null), admin, T0, [], no(IneligibilityReason.AdminNotApprover)],
    ['an admin who is also the owner', step(owner, null), adminOwner, T0, [], yes()],
    ['an admin on a unit role step', step(salesHeadOfA), admin, T0, [], no(IneligibilityReason.AdminNotApprover)],
    // Escalation: the owner may step in once due + grace has passed, not before.
    ['the owner before escalation', step(headUser), theOwner, hours(47.99), [], no(IneligibilityReason.NotEligible)],
    ['the owner at escalation', step(headUser), theOwner, hours(48), [], yes()],
    [
      'the owner when the step never escalates',
      step(headUser, null),
      theOwner,
      hours(999),
      [],
      no(IneligibilityReason.NotEligible),
    ],
    ['the head after escalation', step(headUser), headA, hours(100), [], yes()],
    // Delegations.
    ['a delegate of the head', step(headUser), salesperson, T0, [delegation(headA, 'sales-2')], yes('head-a')],
    [
      'a delegate of a unit sales head for a role step',
      step(salesHeadOfA),
      actor('legal-1', [Role.Legal]),
      T0,
      [delegation(headA, 'legal-1')],
      yes('head-a'),
    ],
    [
      'a delegate of a head of another unit',
      step(salesHeadOfA),
      salesperson,
      T0,
      [delegation(headB, 'sales-2')],
      no(IneligibilityReason.NotEligible),
    ],
    [
      'a delegate of the requester',
      step(owner, null),
      salesperson,
      T0,
      [delegation(requesterWithAllRoles, 'sales-2')],
      no(IneligibilityReason.NotEligible),
    ],
    [
      'a delegate on the first day (start inclusive)',
      step(headUser),
      salesperson,
      T0,
      [delegation(headA, 'sales-2', T0, hours(24))],
      yes('head-a'),
    ],
    [
      'a delegate at the end instant (end exclusive)',
      step(headUser),
      salesperson,
      hours(24),
      [delegation(headA, 'sales-2', T0, hours(24))],
      no(IneligibilityReason.NotEligible),
    ],
    [
      'a delegate before the range',
      step(headUser),
      salesperson,
      hours(-1),
      [delegation(headA, 'sales-2', T0, hours(24))],
      no(IneligibilityReason.NotEligible),
    ],
    [
      'someone else than the delegate',
      step(headUser),
      actor('sales-3', [Role.Salesperson]),
      T0,
      [delegation(headA, 'sales-2')],
      no(IneligibilityReason.NotEligible),
    ],
    [
      'a delegate of the owner once escalated',
      step(headUser),
      salesperson,
      hours(48),
      [delegation(theOwner, 'sales-2', T0, hours(72))],
      yes('owner-1'),
    ],
  ])('%s', (_, s, who, now, delegations, expected) => {
    expect(canDecide(s, who, request, { now, delegations })).toEqual(expected);
  });

  it('prefers the actor deciding in their own right over a delegation', () => {
    expect(
      canDecide(step(salesHeadOfA), headA, request, { now: T0, delegations: [delegation(headA, 'head-a')] }),
    ).toEqual(yes());
  });
});

describe('authors of the subject', () => {
  const drafted = { ...request, authorIds: ['head-a'] };

  it('never decide it, whatever their roles, even named as approver', () => {
    expect(canDecide(step(headUser), headA, drafted, { now: T0, delegations: [] })).toEqual(
      no(IneligibilityReason.ForbiddenOwnRequest),
    );
  });

  it('confer nothing by delegation', () => {
    const context = { now: T0, delegations: [delegation(headA, 'sales-2')] };
    expect(canDecide(step(headUser), salesperson, drafted, context)).toEqual(no(IneligibilityReason.NotEligible));
    expect(canDecide(step(headUser), salesperson, request, context)).toEqual(yes('head-a'));
  });

  it('are parties to the request like the requester', () => {
    expect(isParty(drafted, 'head-a')).toBe(true);
    expect(isParty(drafted, 'sales-1')).toBe(true);
    expect(isParty(drafted, 'owner-1')).toBe(false);
  });
});

describe('assertCanDecide', () => {
  it.each<[ApprovalActor, ApprovalErrorCode]>([
    [requesterWithAllRoles, ApprovalErrorCode.ForbiddenOwnRequest],
    [admin, ApprovalErrorCode.AdminNotApprover],
    [headB, ApprovalErrorCode.WrongUnit],
    [salesperson, ApprovalErrorCode.NotEligible],
  ])('refuses %j with %s', (who, code) => {
    expect(() => assertCanDecide(step(salesHeadOfA), who, request, { now: T0, delegations: [] })).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('returns whom the actor stands in for', () => {
    const context = { now: T0, delegations: [delegation(headA, 'sales-2')] };
    expect(assertCanDecide(step(headUser), headA, request, context)).toBeNull();
    expect(assertCanDecide(step(headUser), salesperson, request, context)).toBe('head-a');
  });
});

describe('isDelegationActive', () => {
  const range = { startsAt: T0, endsAt: hours(24) };
  it.each([
    [hours(-0.001), false],
    [T0, true],
    [hours(23.999), true],
    [hours(24), false],
  ])('at %p -> %p', (now, expected) => {
    expect(isDelegationActive(range, now)).toBe(expected);
  });
});
