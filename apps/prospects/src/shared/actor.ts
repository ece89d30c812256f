import { Principal } from '@dealgate/auth';
import { FunnelActor } from '@dealgate/domain';

/** The funnel rules see a caller as roles plus the units they belong to (a sales head: the unit they lead). */
export function actorOf(principal: Principal): FunnelActor {
  return { userId: principal.userId, roles: principal.roles, unitIds: principal.unitId ? [principal.unitId] : [] };
}
