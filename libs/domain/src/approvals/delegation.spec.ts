import { Role } from '../roles';
import { ApprovalErrorCode } from './approval-error';
import { DelegationDraft, assertValidDelegation, validateDelegation } from './delegation';

const NOW = new Date('2025-05-01T09:00:00Z');
const day = (d: number) => new Date(NOW.getTime() + d * 86_400_000);

const draft = (overrides: Partial<DelegationDraft> = {}): DelegationDraft => ({
  approverId: 'head-a',
  approverRoles: [Role.SalesHead],
  delegateId: 'head-b',
  delegateActive: true,
  startsAt: day(1),
  endsAt: day(8),
  ...overrides,
});

describe('validateDelegation', () => {
  it('accepts a week of delegation to an active colleague', () => {
    expect(validateDelegation(draft(), NOW)).toEqual([]);
  });

  it.each<[string, Partial<DelegationDraft>, string]>([
    ['to oneself', { delegateId: 'head-a' }, 'delegateId'],
    ['to an unknown or inactive user', { delegateActive: null }, 'delegateId'],
    ['to an inactive user', { delegateActive: false }, 'delegateId'],
    ['ending before it starts', { endsAt: day(1) }, 'endsAt'],
    ['longer than the limit', { endsAt: day(100) }, 'endsAt'],
    ['already over', { startsAt: day(-5), endsAt: day(-1) }, 'endsAt'],
    ['from an administrator', { approverRoles: [Role.Admin] }, 'approverId'],
    ['from someone without roles', { approverRoles: [] }, 'approverId'],
  ])('refuses a delegation %s, naming the field', (_, overrides, field) => {
    const errors = validateDelegation(draft(overrides), NOW);
    expect(errors.map((e) => e.field)).toContain(field);
  });

  it('may start in the past when it is still running (an absence already begun)', () => {
    expect(validateDelegation(draft({ startsAt: day(-2), endsAt: day(2) }), NOW)).toEqual([]);
  });

  it('throws approval.delegation_invalid with every error in details', () => {
    expect(() => assertValidDelegation(draft({ delegateId: 'head-a', endsAt: day(0) }), NOW)).toThrow(
      expect.objectContaining({
        code: ApprovalErrorCode.DelegationInvalid,
        details: { errors: expect.arrayContaining([expect.objectContaining({ field: 'delegateId' })]) },
      }),
    );
  });
});
