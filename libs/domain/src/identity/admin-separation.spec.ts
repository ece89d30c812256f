import { Role } from '../roles';
import { roleAssignmentProblem } from './admin-separation';

// Issue #16: an admin made themselves owner and approved a target sample.
describe('admin separation', () => {
  const ada = '00000000-0000-4000-8000-00000000000a';
  const bob = '00000000-0000-4000-8000-00000000000b';

  it.each([
    ['an admin giving themselves the owner role', ada, ada, [Role.Admin, Role.Owner], [Role.Admin], 'own_roles'],
    ['anyone dropping their own role', ada, ada, [], [Role.Admin], 'own_roles'],
    [
      'an admin account with a business role',
      ada,
      bob,
      [Role.Admin, Role.Legal],
      [Role.Legal],
      'admin_with_business_role',
    ],
    ['creating an admin who is also owner', ada, bob, [Role.Admin, Role.Owner], null, 'admin_with_business_role'],
    ['another admin giving roles', ada, bob, [Role.Owner], [Role.SalesHead], null],
    ['making someone admin only', ada, bob, [Role.Admin], [Role.Owner], null],
    ['a change that keeps one’s own roles as they are', ada, ada, [Role.Admin], [Role.Admin], null],
    ['the first admin (no actor)', null, bob, [Role.Admin], null, null],
  ] as const)('%s', (_label, actorUserId, targetUserId, roles, before, expected) => {
    expect(roleAssignmentProblem({ actorUserId, targetUserId, roles, before })).toBe(expected);
  });
});
