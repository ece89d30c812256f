import { Role } from '../roles';
import { ApprovalActor, ApprovalDelegation, EligibilityContext } from './eligibility';
import { ResolvedApprover, ResolvedApproverKind } from './policy-resolution';
import { VisibleRequest, VisibleStep, canSeeRequest } from './request-visibility';

const NOW = new Date('2025-03-03T09:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

const user = (userId: string): ResolvedApprover => ({ kind: ResolvedApproverKind.User, userId });
const role = (r: Role, unitId: string | null = null): ResolvedApprover => ({
  kind: ResolvedApproverKind.Role,
  role: r,
  unitId,
});
const step = (
  approver: ResolvedApprover,
  escalateTo: ResolvedApprover | null = null,
  decidedBy: string | null = null,
) => ({ approver, escalateTo, decidedBy }) satisfies VisibleStep;
const actor = (userId: string, roles: readonly Role[], unitIds: readonly string[] = []): ApprovalActor => ({
  userId,
  roles,
  unitIds,
});
const request = (steps: readonly VisibleStep[], unitId: string | null = 'unit-a'): VisibleRequest => ({
  requesterId: 'seller',
  authorIds: ['writer'],
  unitId,
  steps,
});
const delegation = (approver: ApprovalActor, startsAt = hours(-1), endsAt = hours(1)): ApprovalDelegation => ({
  approver,
  delegateId: 'deputy',
  startsAt,
  endsAt,
});
const context = (...delegations: ApprovalDelegation[]): EligibilityContext => ({ now: NOW, delegations });

describe('canSeeRequest', () => {
  const chain = [step(role(Role.SalesHead, 'unit-a'), user('boss')), step(role(Role.Owner))];

  it.each<[string, VisibleRequest, ApprovalActor, EligibilityContext, boolean]>([
    ['the requester', request(chain), actor('seller', [Role.Salesperson]), context(), true],
    ['an author of the subject', request(chain), actor('writer', []), context(), true],
    ['the owner, named nowhere', request([step(user('x'))]), actor('o', [Role.Owner]), context(), true],
    ['a sales head of the unit', request([step(user('x'))]), actor('h', [Role.SalesHead], ['unit-a']), context(), true],
    [
      'a sales head of another unit',
      request([step(user('x'))]),
      actor('h', [Role.SalesHead], ['unit-b']),
      context(),
      false,
    ],
    [
      'a sales head, request without unit',
      request([step(user('x'))], null),
      actor('h', [Role.SalesHead], []),
      context(),
      false,
    ],
    ['the escalation target before any escalation', request(chain), actor('boss', []), context(), true],
    ['a role named by a later step', request(chain), actor('o2', [Role.Owner]), context(), true],
    ['who decided a step', request([step(user('x'), null, 'former')]), actor('former', []), context(), true],
    ['a stranger', request(chain), actor('stranger', [Role.Salesperson, Role.Legal]), context(), false],
    ['an admin named by role', request([step(role(Role.Admin))]), actor('a', [Role.Admin]), context(), false],
    [
      'a deputy of a named approver',
      request([step(user('boss'))]),
      actor('deputy', []),
      context(delegation(actor('boss', []))),
      true,
    ],
    [
      'a deputy by an expired delegation',
      request([step(user('boss'))]),
      actor('deputy', []),
      context(delegation(actor('boss', []), hours(-2), NOW)),
      false,
    ],
    [
      'a deputy of the owner (owner rights are not borrowed, only the steps the owner is named on)',
      request([step(user('x'))]),
      actor('deputy', []),
      context(delegation(actor('o', [Role.Owner]))),
      false,
    ],
  ])('%s', (_, req, who, ctx, expected) => {
    expect(canSeeRequest(req, who, ctx)).toBe(expected);
  });
});
