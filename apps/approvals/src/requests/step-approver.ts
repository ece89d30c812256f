import { ResolvedApprover, ResolvedApproverKind, Role } from '@dealgate/domain';

/** How a resolved approver is stored in a step row: a user id, or a role with an optional unit. */
export interface ApproverColumns {
  userId: string | null;
  role: Role | null;
  unitId: string | null;
}

export function approverColumns(approver: ResolvedApprover | null): ApproverColumns {
  if (approver === null) return { userId: null, role: null, unitId: null };
  switch (approver.kind) {
    case ResolvedApproverKind.User:
      return { userId: approver.userId, role: null, unitId: null };
    case ResolvedApproverKind.Role:
      return { userId: null, role: approver.role, unitId: approver.unitId };
    default: {
      const unknown: never = approver;
      throw new Error(`Unknown approver ${JSON.stringify(unknown)}`);
    }
  }
}

export function approverFromColumns(columns: ApproverColumns): ResolvedApprover | null {
  if (columns.userId !== null) return { kind: ResolvedApproverKind.User, userId: columns.userId };
  if (columns.role !== null) return { kind: ResolvedApproverKind.Role, role: columns.role, unitId: columns.unitId };
  return null;
}
