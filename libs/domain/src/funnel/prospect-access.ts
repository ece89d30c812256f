import { assertNever } from '../domain-error';
import { Role } from '../roles';
import { FunnelActor } from './funnel-actor';
import { funnelError, FunnelErrorCode } from './funnel-error';
import { isStageAtOrAfter, ProspectStatus, Stage, STAGE_ORDER } from './stage';

export type ProspectAccess = 'none' | 'read' | 'write';

/** What access needs to know about a prospect. */
export interface ProspectAccessTarget {
  /** The salesperson the prospect is assigned to, if any. */
  readonly ownerId: string | null;
  readonly unitId: string;
  readonly stage: Stage;
  readonly status: ProspectStatus;
}

const ACCESS_RANK: Record<ProspectAccess, number> = { none: 0, read: 1, write: 2 };

/** The widest access any of the actor's roles gives on the prospect. */
export function prospectAccess(actor: FunnelActor, prospect: ProspectAccessTarget): ProspectAccess {
  return actor.roles.reduce<ProspectAccess>((best, role) => {
    const access = accessForRole(role, actor, prospect);
    return ACCESS_RANK[access] > ACCESS_RANK[best] ? access : best;
  }, 'none');
}

function accessForRole(role: Role, actor: FunnelActor, prospect: ProspectAccessTarget): ProspectAccess {
  switch (role) {
    case Role.Owner:
      return 'write';
    case Role.SalesHead:
      return actor.unitIds.includes(prospect.unitId) ? 'write' : 'none';
    case Role.Salesperson:
      if (prospect.ownerId !== actor.userId) {
        return 'none';
      }
      // The salesperson leaves the deal after the defence, and a closed prospect is reopened only by a head.
      return isHandedOver(prospect) || prospect.status !== ProspectStatus.Active ? 'read' : 'write';
    case Role.Legal:
    case Role.Accounting:
      // They work the contract case (its own tasks); on the prospect itself they only look.
      return isHandedOver(prospect) ? 'read' : 'none';
    case Role.Admin:
      // Administration of users and settings gives no business decisions and no view of deals.
      return 'none';
    default:
      return assertNever(role, 'role');
  }
}

/**
 * From an accepted defence on (stage contract, or won) the deal belongs to legal and accounting. Exported as data so
 * the services' SQL filters (e.g. apps/prospects prospect-visibility.sql.ts) take the same values, not copies.
 */
export const HANDED_OVER_STAGES: readonly Stage[] = STAGE_ORDER.filter((stage) =>
  isStageAtOrAfter(stage, Stage.Contract),
);
export const HANDED_OVER_STATUSES: readonly ProspectStatus[] = [ProspectStatus.Won];

function isHandedOver(prospect: Pick<ProspectAccessTarget, 'stage' | 'status'>): boolean {
  return HANDED_OVER_STAGES.includes(prospect.stage) || HANDED_OVER_STATUSES.includes(prospect.status);
}

/** Throws unless the actor has at least `needed` access. */
export function assertProspectAccess(
  actor: FunnelActor,
  prospect: ProspectAccessTarget,
  needed: Exclude<ProspectAccess, 'none'>,
): void {
  const access = prospectAccess(actor, prospect);
  if (ACCESS_RANK[access] >= ACCESS_RANK[needed]) {
    return;
  }
  if (access === 'read') {
    throw funnelError(FunnelErrorCode.ReadOnlyAccess, 'You can view this prospect but not change it.');
  }
  throw funnelError(FunnelErrorCode.AccessDenied, 'You have no access to this prospect.');
}

/**
 * What a UI shows as read-only for this caller: the deal is handed over (contract stage or won), it is lost, or the
 * caller may only look. Actions with their own rules (a head reopening a lost prospect) are decided by those rules.
 */
export function isReadOnlyFor(actor: FunnelActor, prospect: ProspectAccessTarget): boolean {
  return (
    isHandedOver(prospect) || prospect.status === ProspectStatus.Lost || prospectAccess(actor, prospect) !== 'write'
  );
}
