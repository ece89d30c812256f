import { ResolvedApprover, ResolvedApproverKind, Role } from '@dealgate/domain';
import { AccessScope, SqlParams, decidableSql, visibleSql } from './access-scope';
import { approverColumns, approverFromColumns } from './step-approver';

describe('approver columns', () => {
  it.each<[string, ResolvedApprover]>([
    ['a named user', { kind: ResolvedApproverKind.User, userId: 'u-1' }],
    ['a role company-wide', { kind: ResolvedApproverKind.Role, role: Role.Owner, unitId: null }],
    ['a role within a unit', { kind: ResolvedApproverKind.Role, role: Role.SalesHead, unitId: 'unit-a' }],
  ])('round-trips %s', (_, approver) => {
    expect(approverFromColumns(approverColumns(approver))).toEqual(approver);
  });

  it('stores "nobody" (no escalation) as empty columns', () => {
    expect(approverColumns(null)).toEqual({ userId: null, role: null, unitId: null });
    expect(approverFromColumns({ userId: null, role: null, unitId: null })).toBeNull();
  });
});

describe('access scope SQL', () => {
  const scope: AccessScope = {
    me: 'me',
    roles: [Role.SalesHead],
    unitId: 'unit-a',
    identities: [
      { user_id: 'me', roles: [Role.SalesHead], unit_id: 'unit-a' },
      { user_id: 'boss', roles: [Role.Owner], unit_id: null },
    ],
  };

  it('passes every value as a parameter, never inline', () => {
    const params = new SqlParams();
    const sql = visibleSql(scope, params);
    expect(sql).not.toContain('unit-a');
    expect(sql).not.toContain("'me'");
    expect(params.values).toContain('me');
    expect(params.values).toContain(JSON.stringify(scope.identities));
    expect(
      sql
        .match(/\$\d+/g)!
        .map((p) => Number(p.slice(1)))
        .every((n) => n <= params.values.length),
    ).toBe(true);
  });

  it('never lets the requester, or anyone standing in for the requester, decide', () => {
    const params = new SqlParams();
    const sql = decidableSql(scope, params, new Date('2025-01-01T00:00:00Z'));
    expect(sql).toMatch(/r\.requester_id <> \$1/);
    expect(sql).toContain('i.user_id <> r.requester_id');
    expect(sql).toContain("s.approver_role <> 'admin'");
  });
});
