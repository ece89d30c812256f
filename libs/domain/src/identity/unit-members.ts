import { Role } from '../roles';

/**
 * Who may list a unit's members (to pick a salesperson, e.g. when assigning prospects): an admin or the owner for
 * any unit, a sales head only for the unit they head. Anyone else must not learn that the unit exists.
 */
export function mayListUnitMembers(
  caller: { readonly userId: string; readonly roles: readonly Role[] },
  unit: { readonly headUserId: string | null },
): boolean {
  if (caller.roles.includes(Role.Admin) || caller.roles.includes(Role.Owner)) return true;
  return caller.roles.includes(Role.SalesHead) && unit.headUserId === caller.userId;
}
