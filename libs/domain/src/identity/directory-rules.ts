import { TaskGroup } from '../contracts/task-template';
import { Role } from '../roles';

/** Contract task groups a user may belong to (the contracts service routes tasks by these; sent in `user.upserted`). */
export const ALL_TASK_GROUPS: readonly TaskGroup[] = Object.values(TaskGroup);

/** Groups a user is said to lead without being a member of them. */
export function leadsOutsideGroups(groups: readonly string[], leadOf: readonly string[]): string[] {
  return leadOf.filter((group) => !groups.includes(group));
}

/** A unit head decides for the unit (offer approvals, plans): only a sales head or the owner may be one. */
export function canHeadUnit(user: { roles: readonly Role[]; active: boolean }): 'ok' | 'missing_role' | 'inactive' {
  if (!user.active) return 'inactive';
  return user.roles.includes(Role.SalesHead) || user.roles.includes(Role.Owner) ? 'ok' : 'missing_role';
}

/** The system must keep one active admin, or nobody could manage users any more. */
export function removesLastAdmin(
  isActiveAdminNow: boolean,
  staysActiveAdmin: boolean,
  activeAdminCount: number,
): boolean {
  return isActiveAdminNow && !staysActiveAdmin && activeAdminCount <= 1;
}

/** Roles added and removed by a change (for the audit log). */
export function roleChanges(before: readonly Role[], after: readonly Role[]): { added: Role[]; removed: Role[] } {
  return { added: after.filter((r) => !before.includes(r)), removed: before.filter((r) => !after.includes(r)) };
}

/** E-mail addresses compare case-insensitively; stored in this form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
