import { assertNever } from '../domain-error';
import { Role } from '../roles';
import type { TaskGroup } from './task-template';

export type AccessLevel = 'none' | 'read' | 'write';

/** Who asks. `groups` are task-group memberships; `headOfUnits` the sales units the user heads. */
export interface AccessViewer {
  userId: string;
  roles: readonly Role[];
  groups: readonly TaskGroup[];
  headOfUnits: readonly string[];
}

/** What the case access depends on. */
export interface AccessCase {
  salespersonId: string;
  unitId: string;
  signed: boolean;
}

/**
 * What is accessed: the case itself (terms, comments, signing), one of its tasks, or the template set.
 * `write` on a case means editing its terms and signing; on a task, acting on it (the task machine still
 * checks claims and leads); on templates, editing them.
 */
export type AccessTarget =
  | { kind: 'case'; contractCase: AccessCase }
  | { kind: 'task'; contractCase: AccessCase; group: TaskGroup }
  | { kind: 'templates' };

const RANK: Record<AccessLevel, number> = { none: 0, read: 1, write: 2 };
const max = (a: AccessLevel, b: AccessLevel): AccessLevel => (RANK[a] >= RANK[b] ? a : b);
const min = (a: AccessLevel, b: AccessLevel): AccessLevel => (RANK[a] <= RANK[b] ? a : b);

function caseAccessForRole(role: Role, viewer: AccessViewer, c: AccessCase): AccessLevel {
  switch (role) {
    case Role.Owner:
      return 'read';
    case Role.SalesHead:
      return viewer.headOfUnits.includes(c.unitId) ? 'read' : 'none';
    case Role.Salesperson:
      // The salesperson keeps watching the deal they defended, nothing more.
      return c.salespersonId === viewer.userId ? 'read' : 'none';
    case Role.Legal:
    case Role.Accounting:
      // Once signed, the terms are frozen: the contract must not drift after the fact.
      return c.signed ? 'read' : 'write';
    case Role.Admin:
      // The admin configures; deals are business data.
      return 'none';
    default:
      return assertNever(role, 'role');
  }
}

function templatesAccessForRole(role: Role): AccessLevel {
  switch (role) {
    case Role.Admin:
      return 'write';
    case Role.Owner:
    case Role.Legal:
    case Role.Accounting:
      return 'read';
    case Role.SalesHead:
    case Role.Salesperson:
      return 'none';
    default:
      return assertNever(role, 'role');
  }
}

function caseLevel(viewer: AccessViewer, c: AccessCase): AccessLevel {
  let level: AccessLevel = viewer.groups.length > 0 ? 'read' : 'none';
  for (const role of viewer.roles) level = max(level, caseAccessForRole(role, viewer, c));
  return level;
}

/**
 * The access of `viewer` to `target`, the highest any of their roles gives. A salesperson role caps it at `read`
 * on cases and tasks (they exit after the defence), whatever other role the user holds. Members of a task group
 * (delivery included) read the case and write only the tasks of their group.
 */
export function caseAccess(viewer: AccessViewer, target: AccessTarget): AccessLevel {
  const cap: AccessLevel = viewer.roles.includes(Role.Salesperson) ? 'read' : 'write';
  switch (target.kind) {
    case 'case':
      return min(cap, caseLevel(viewer, target.contractCase));
    case 'task': {
      const seen = caseLevel(viewer, target.contractCase);
      const acts = viewer.groups.includes(target.group) ? 'write' : 'none';
      // Seeing the case means seeing its tasks; writing the case does not mean acting on another group's task.
      return min(cap, max(min(seen, 'read'), acts));
    }
    case 'templates': {
      let level: AccessLevel = 'none';
      for (const role of viewer.roles) level = max(level, templatesAccessForRole(role));
      return level;
    }
    default:
      return assertNever(target, 'access target');
  }
}
