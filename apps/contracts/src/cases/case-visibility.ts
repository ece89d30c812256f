import { AccessViewer, Role } from '@dealgate/domain';

/** Which cases a viewer may list: everything, or their own deals and their units' deals. */
export interface CaseVisibility {
  all: boolean;
  salespersonId: string | null;
  unitIds: readonly string[];
}

/**
 * The list's filter for `viewer`: the cases on which `caseAccess` in libs/domain gives any access (case-visibility
 * .int-spec.ts checks it row by row). Owners and task-group members see every case; legal and accounting do too, as
 * their roles are task groups (groupsForRoles, merged in by ContractActorService); others their own deals and the
 * units they head.
 */
export function caseVisibilityOf(viewer: AccessViewer): CaseVisibility {
  return {
    all: viewer.roles.includes(Role.Owner) || viewer.groups.length > 0,
    salespersonId: viewer.roles.includes(Role.Salesperson) ? viewer.userId : null,
    unitIds: viewer.roles.includes(Role.SalesHead) ? viewer.headOfUnits : [],
  };
}
