import { Role } from '../roles';

/** Who is acting: only what the funnel rules need to decide. */
export interface FunnelActor {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** Units the actor belongs to (for a sales head: the units they lead). */
  readonly unitIds: readonly string[];
}

export function hasRole(actor: Pick<FunnelActor, 'roles'>, role: Role): boolean {
  return actor.roles.includes(role);
}

/** A sales head of this unit. */
export function isHeadOfUnit(actor: Pick<FunnelActor, 'roles' | 'unitIds'>, unitId: string): boolean {
  return hasRole(actor, Role.SalesHead) && actor.unitIds.includes(unitId);
}
