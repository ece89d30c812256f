import { Role } from '../roles';

/**
 * Why a role assignment is refused, or null when it is allowed. The admin configures and makes no business
 * decision, so an admin account holds no other role (else an admin could make themselves owner and approve); and
 * nobody changes their own roles (another admin must), so no account can raise itself.
 */
export function roleAssignmentProblem(change: {
  actorUserId: string | null;
  targetUserId: string;
  roles: readonly Role[];
  /** The target's roles before the change; null when the user is being created. */
  before: readonly Role[] | null;
}): 'own_roles' | 'admin_with_business_role' | null {
  const changes =
    change.before === null ||
    change.before.length !== change.roles.length ||
    change.roles.some((r) => !change.before!.includes(r));
  if (changes && change.actorUserId !== null && change.actorUserId === change.targetUserId) return 'own_roles';
  if (change.roles.includes(Role.Admin) && change.roles.some((r) => r !== Role.Admin))
    return 'admin_with_business_role';
  return null;
}
