import { Role } from '@dealgate/domain';

/** Someone the caller may act as: themselves, or an approver who delegated to them (as that approver is now). */
export interface ScopeIdentity {
  user_id: string;
  roles: Role[];
  unit_id: string | null;
}

/** The caller and everyone they currently stand in for; admin roles never count (admins decide nothing). */
export interface AccessScope {
  me: string;
  roles: Role[];
  unitId: string | null;
  identities: ScopeIdentity[];
}

/** Collects positional parameters while a query is assembled. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Does step `s` name identity `i` through the approver (or escalation) columns with `prefix`? Mirrors
 * `matchesApprover` in libs/domain; the admin role is the domain's enum value (a constant, never user input).
 */
export function matchesIdentitySql(prefix: 'approver' | 'escalate'): string {
  return `(s.${prefix}_user_id = i.user_id OR (s.${prefix}_role = ANY(i.roles) AND s.${prefix}_role <> '${Role.Admin}'
    AND (s.${prefix}_unit_id IS NULL OR s.${prefix}_unit_id = i.unit_id)))`;
}

export function identitiesSql(scope: AccessScope, params: SqlParams): string {
  return `jsonb_to_recordset(${params.add(JSON.stringify(scope.identities))}::jsonb) AS i(user_id uuid, roles text[], unit_id uuid)`;
}

/**
 * Which requests of `r` the caller may see: their own, every request for the owner, their unit's for a sales head,
 * and any whose chain names them (or someone they stand in for) as approver or escalation target, or that they
 * decided. Anything else answers 404. Mirrors `canSeeRequest` in libs/domain (access-scope.int-spec.ts).
 */
export function visibleSql(scope: AccessScope, params: SqlParams): string {
  const me = params.add(scope.me);
  return `(r.requester_id = ${me} OR ${me} = ANY(r.author_ids)
    OR ${params.add(scope.roles.includes(Role.Owner))}::boolean
    OR (${params.add(scope.roles.includes(Role.SalesHead))}::boolean AND r.unit_id = ${params.add(scope.unitId)}::uuid)
    OR EXISTS (SELECT 1 FROM approval_step s CROSS JOIN ${identitiesSql(scope, params)}
      WHERE s.request_id = r.id
        AND (s.decided_by = ${me} OR ${matchesIdentitySql('approver')} OR ${matchesIdentitySql('escalate')})))`;
}

/**
 * The caller may decide the current pending step of `r` (joined as `s`): never their own request or a subject they
 * wrote, nor through a delegation from the requester or an author; the escalation target joins once the step is overdue by its grace.
 * Mirrors `canDecide` in libs/domain, which the decision itself checks again (access-scope.int-spec.ts
 * compares the two).
 */
export function decidableSql(scope: AccessScope, params: SqlParams, now: Date): string {
  const me = params.add(scope.me);
  return `(r.requester_id <> ${me} AND NOT (${me} = ANY(r.author_ids))
    AND EXISTS (SELECT 1 FROM ${identitiesSql(scope, params)}
    WHERE i.user_id <> r.requester_id AND NOT (i.user_id = ANY(r.author_ids)) AND (${matchesIdentitySql('approver')}
      OR (s.escalation_at <= ${params.add(now)} AND ${matchesIdentitySql('escalate')}))))`;
}
