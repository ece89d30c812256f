import { HANDED_OVER_STAGES, HANDED_OVER_STATUSES, Role } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';

/**
 * The rows a caller may see, as SQL over the prospect table aliased `p`: the rows on which `prospectAccess` in
 * libs/domain gives any access other than none (owner all, sales head their unit, salesperson their own,
 * legal/accounting handed-over deals). The hand-over values are the domain's own, passed as parameters, so a renamed
 * stage or status cannot leave this filter behind; prospect-visibility.int-spec.ts checks the two agree row by row.
 */
export function visibleProspectsSql(principal: Principal, params: unknown[]): string {
  if (principal.roles.includes(Role.Owner)) return 'TRUE';
  const parts: string[] = [];
  if (principal.roles.includes(Role.SalesHead) && principal.unitId) {
    params.push(principal.unitId);
    parts.push(`p.unit_id = $${params.length}`);
  }
  if (principal.roles.includes(Role.Salesperson)) {
    params.push(principal.userId);
    parts.push(`p.owner_id = $${params.length}`);
  }
  if (principal.roles.includes(Role.Legal) || principal.roles.includes(Role.Accounting)) {
    params.push(HANDED_OVER_STAGES, HANDED_OVER_STATUSES);
    parts.push(`(p.stage = ANY($${params.length - 1}::text[]) OR p.status = ANY($${params.length}::text[]))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
}
