import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ALL_ROLES,
  ApprovalDelegation,
  ApprovalRequestStatus,
  ApprovalSubjectKind,
  ResolvedApprovalStep,
  ResolvedApprover,
  ResolvedApproverKind,
  IneligibilityReason,
  Role,
  approvalSlaDeadlines,
  canDecide,
  canSeeRequest,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { chassisEntities, DirectoryService } from '@dealgate/chassis';
import { openServiceDatabase } from '@dealgate/database';
import { allSubsets, createTestDatabase, SeededRandom, TestDatabase } from '@dealgate/testing';
import { DelegationRepository } from '../delegations/delegation.repository';
import { APPROVALS_MIGRATIONS } from '../migrations';
import { APPROVALS_ENTITIES } from '../approvals.entities';
import { SqlParams, decidableSql, visibleSql } from './access-scope';
import { AccessScopeService } from './access-scope.service';
import { RequestRepository } from './request.repository';
import { StepStatus } from './request.records';

interface GeneratedStep extends ResolvedApprovalStep {
  decidedBy: string | null;
}

interface GeneratedRequest {
  id: string;
  requesterId: string;
  authorIds: string[];
  unitId: string | null;
  status: ApprovalRequestStatus;
  steps: GeneratedStep[];
  currentStepIndex: number;
  currentStepActivatedAt: Date;
}

interface GeneratedDelegation extends ApprovalDelegation {
  revoked: boolean;
}

// "Who may decide" and "who may see" a request are written twice: in libs/domain (`canDecide`, checked again by the
// decision; `canSeeRequest`) and as SQL over the frozen chain (decidableSql for the inbox, visibleSql for list and
// detail). Over generated requests and callers (every combination of roles, with delegations), both must agree.
describe('approval access: SQL scope = domain rules', () => {
  const SEED = 18_3003;
  const REQUEST_COUNT = 240;
  const MINUTE = 60_000;
  // Minute-aligned, like every generated instant: some escalations and delegation bounds fall exactly on it.
  const NOW = new Date('2026-03-02T12:00:00Z');
  const at = (minutesFromNow: number) => new Date(NOW.getTime() + minutesFromNow * MINUTE);
  let db: TestDatabase;
  let ds: DataSource;
  const units = ['unit0', 'unit1', 'unit2'].map(() => randomUUID());
  const people = Array.from({ length: 8 }, () => randomUUID());
  const names = new Map<string, string>([
    ...units.map((u, i): [string, string] => [u, `unit${i}`]),
    ...people.map((p, i): [string, string] => [p, `user${i}`]),
  ]);
  const label = (id: string | null) => (id === null ? 'none' : (names.get(id) ?? id));
  const requests: GeneratedRequest[] = [];
  const delegations: GeneratedDelegation[] = [];
  const random = new SeededRandom(SEED);
  const scopes = new AccessScopeService(new DelegationRepository(), {
    // No directory copy: callers are their token's claims, approvers who delegated their stored snapshot.
    user: () => Promise.resolve(null),
  } as unknown as DirectoryService);

  const approver = (): ResolvedApprover =>
    random.chance(0.4)
      ? { kind: ResolvedApproverKind.User, userId: random.pick(people) }
      : {
          kind: ResolvedApproverKind.Role,
          role: random.pick(ALL_ROLES),
          unitId: random.chance(0.4) ? null : random.pick(units),
        };

  function generateRequest(): GeneratedRequest {
    const stepCount = 1 + random.int(3);
    const status = random.chance(0.8)
      ? ApprovalRequestStatus.Pending
      : random.pick(Object.values(ApprovalRequestStatus));
    const currentStepIndex = status === ApprovalRequestStatus.Pending ? random.int(stepCount) : 0;
    const steps = Array.from({ length: stepCount }, (_, index): GeneratedStep => ({
      index,
      policyStepIndex: index,
      approver: approver(),
      escalateTo: random.chance(0.4) ? null : approver(),
      dueAfterMinutes: random.pick([0, 30, 60]),
      escalationGraceMinutes: random.pick([0, 15, 60]),
      decidedBy: index < currentStepIndex ? random.pick(people) : null,
    }));
    // Up to 150 minutes ago, against due + grace of 0 to 120 minutes: escalated or not; one in six exactly now.
    const { dueAfterMinutes, escalationGraceMinutes } = steps[currentStepIndex];
    const minutesAgo = random.chance(1 / 6) ? dueAfterMinutes + escalationGraceMinutes : random.int(151);
    return {
      id: randomUUID(),
      requesterId: random.pick(people),
      authorIds: people.filter(() => random.chance(0.12)),
      unitId: random.chance(0.2) ? null : random.pick(units),
      status,
      steps,
      currentStepIndex,
      currentStepActivatedAt: at(-minutesAgo),
    };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openServiceDatabase({
      url: db.url,
      schema: 'approvals',
      // As the service registers them: its own and the chassis's (ChassisModule).
      entities: [...APPROVALS_ENTITIES, ...chassisEntities(true)],
      migrations: APPROVALS_MIGRATIONS,
    });
    const repository = new RequestRepository();
    const delegationRepository = new DelegationRepository();
    await ds.transaction(async (manager) => {
      for (let n = 0; n < REQUEST_COUNT; n++) {
        const r = generateRequest();
        requests.push(r);
        const pending = r.status === ApprovalRequestStatus.Pending;
        // Earlier steps opened (and were decided) a minute apart before the current one.
        const openedAt = new Date(r.currentStepActivatedAt.getTime() - r.currentStepIndex * MINUTE);
        await repository.insert(manager, {
          id: r.id,
          subjectKind: random.pick(Object.values(ApprovalSubjectKind)),
          subjectId: randomUUID(),
          subjectVersion: 1,
          requesterId: r.requesterId,
          authorIds: r.authorIds,
          unitId: r.unitId,
          amount: null,
          discountPercent: null,
          snapshot: {},
          policyVersion: 1,
          status: r.status,
          stepCount: r.steps.length,
          requestedAt: openedAt,
          openedAt,
        });
        await repository.insertSteps(manager, r.id, r.steps, pending ? openedAt : null);
        for (let i = 1; i <= r.currentStepIndex; i++) {
          const opened = new Date(openedAt.getTime() + i * MINUTE);
          await repository.decideStep(manager, r.id, i - 1, {
            status: StepStatus.Approved,
            decidedBy: r.steps[i - 1].decidedBy!,
            onBehalfOf: null,
            decidedAt: opened,
            comment: null,
          });
          await repository.activateStep(manager, r.id, i, opened);
          await repository.moveToStep(manager, r.id, i, opened);
        }
      }
      // Delegations among the same people: running now (from exactly now, or until just after), ended exactly now,
      // not begun yet, or revoked; the approver's roles and unit as stored (nobody is in the directory copy).
      for (let n = 0; n < 40; n++) {
        const delegateId = random.pick(people);
        const approverId = random.pick(people.filter((p) => p !== delegateId));
        const [startsAt, endsAt] = random.pick([
          [at(-60), at(60)],
          [NOW, at(1)],
          [at(-60), NOW],
          [at(1), at(60)],
        ]);
        const approverRoles = ALL_ROLES.filter(() => random.chance(0.3));
        const approverUnitId = random.chance(0.3) ? null : random.pick(units);
        const revoked = random.chance(0.1);
        const stored = await delegationRepository.insert(manager, {
          approverId,
          approverRoles,
          approverUnitId,
          delegateId,
          startsAt,
          endsAt,
          createdAt: at(-120),
        });
        if (revoked) await delegationRepository.revoke(manager, stored.id, approverId, at(-1));
        delegations.push({
          approver: {
            userId: approverId,
            roles: approverRoles,
            unitIds: approverUnitId === null ? [] : [approverUnitId],
          },
          delegateId,
          startsAt,
          endsAt,
          revoked,
        });
      }
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** Every combination of roles (2^6), each as one of the people, with a unit (one of the three, or none). */
  function principals(): Principal[] {
    const draw = new SeededRandom(SEED + 1);
    const unitChoices = [...units, null];
    return allSubsets(ALL_ROLES).map((roles, i) => ({
      userId: draw.pick(people),
      roles,
      unitId: unitChoices[i % unitChoices.length],
    }));
  }

  const describePrincipal = (p: Principal) => {
    const given = delegations
      .filter((d) => d.delegateId === p.userId)
      .map(
        (d) =>
          `${label(d.approver.userId)}[${d.approver.roles.join(',')}|${d.approver.unitIds.map(label).join(',') || 'no unit'}]` +
          ` ${d.startsAt.toISOString()}..${d.endsAt.toISOString()}${d.revoked ? ' revoked' : ''}`,
      );
    return `principal {user ${label(p.userId)}, roles [${p.roles.join(',')}], unit ${label(p.unitId)}, delegations from [${given.join('; ')}]}`;
  };
  const describeApprover = (a: ResolvedApprover | null) =>
    a === null ? 'none' : a.kind === ResolvedApproverKind.User ? label(a.userId) : `${a.role}@${label(a.unitId)}`;
  const describeRequest = (r: GeneratedRequest) =>
    `request ${r.id} {${r.status}, requester ${label(r.requesterId)}, authors [${r.authorIds.map(label).join(',')}],` +
    ` unit ${label(r.unitId)}, current step ${r.currentStepIndex} since ${r.currentStepActivatedAt.toISOString()},` +
    ` steps ${r.steps
      .map(
        (s) =>
          `#${s.index} ${describeApprover(s.approver)} -> ${describeApprover(s.escalateTo)}` +
          ` (${s.dueAfterMinutes}+${s.escalationGraceMinutes} min${s.decidedBy ? `, decided by ${label(s.decidedBy)}` : ''})`,
      )
      .join('; ')}}`;

  /** The delegations the domain is given for `delegateId`: every one not revoked (the domain checks the dates). */
  const domainDelegations = (delegateId: string): ApprovalDelegation[] =>
    delegations.filter((d) => d.delegateId === delegateId && !d.revoked);

  it('decidableSql picks exactly the pending requests whose current step canDecide allows, at a fixed now', async () => {
    const all = principals();
    const pending = requests.filter((r) => r.status === ApprovalRequestStatus.Pending);
    const mismatches: string[] = [];
    const outcomes = new Map<string, number>();
    for (const principal of all) {
      const scope = await scopes.scopeOf(ds.manager, principal, NOW);
      const { actor } = await scopes.actorOf(ds.manager, principal, NOW);
      const params = new SqlParams();
      // The inbox's own join and status filter (listDecidable): the current step, pending.
      const rows = await ds.query<{ id: string }[]>(
        `SELECT r.id FROM approval_request r
           JOIN approval_step s ON s.request_id = r.id AND s.step_index = r.current_step_index
         WHERE r.status = '${ApprovalRequestStatus.Pending}' AND s.status = '${StepStatus.Pending}'
           AND ${decidableSql(scope, params, NOW)}`,
        params.values,
      );
      const bySql = new Set(rows.map((r) => r.id));
      const context = { now: NOW, delegations: domainDelegations(principal.userId) };
      for (const r of pending) {
        const decision = canDecide(r.steps[r.currentStepIndex], actor, r, context);
        const outcome = decision.eligible
          ? decision.onBehalfOf === null
            ? 'in own right'
            : 'by delegation'
          : decision.reason;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        if (bySql.has(r.id) === decision.eligible) continue;
        mismatches.push(
          `${describePrincipal(principal)} / ${describeRequest(r)}: SQL ${bySql.has(r.id) ? 'lists it' : 'omits it'},` +
            ` canDecide ${JSON.stringify(decision)}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(all.length * pending.length).toBeGreaterThan(10_000);
    // The data reaches the rule's branches: in one's own right, by delegation, and each reason for a refusal; steps
    // escalated, not yet, and escalating exactly now.
    expect([...outcomes.keys()].sort()).toEqual(
      ['by delegation', 'in own right', ...Object.values(IneligibilityReason)].sort(),
    );
    const escalationAt = (r: GeneratedRequest) =>
      approvalSlaDeadlines(r.steps[r.currentStepIndex], r.currentStepActivatedAt).escalationAt?.getTime();
    expect(pending.some((r) => escalationAt(r)! < NOW.getTime())).toBe(true);
    expect(pending.some((r) => escalationAt(r) === NOW.getTime())).toBe(true);
    expect(pending.some((r) => escalationAt(r)! > NOW.getTime())).toBe(true);
  });

  it('visibleSql picks exactly the requests canSeeRequest allows', async () => {
    const all = principals();
    const mismatches: string[] = [];
    const visibleCounts: number[] = [];
    for (const principal of all) {
      const scope = await scopes.scopeOf(ds.manager, principal, NOW);
      const { actor } = await scopes.actorOf(ds.manager, principal, NOW);
      const params = new SqlParams();
      const rows = await ds.query<{ id: string }[]>(
        `SELECT r.id FROM approval_request r WHERE ${visibleSql(scope, params)}`,
        params.values,
      );
      const bySql = new Set(rows.map((r) => r.id));
      visibleCounts.push(bySql.size);
      const context = { now: NOW, delegations: domainDelegations(principal.userId) };
      for (const r of requests) {
        const byDomain = canSeeRequest(r, actor, context);
        if (bySql.has(r.id) === byDomain) continue;
        mismatches.push(
          `${describePrincipal(principal)} / ${describeRequest(r)}: SQL ${bySql.has(r.id) ? 'shows it' : 'hides it'},` +
            ` canSeeRequest ${byDomain}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(visibleCounts).toContain(REQUEST_COUNT);
    expect(visibleCounts.some((n) => n > 0 && n < REQUEST_COUNT)).toBe(true);
    expect(all.some((p) => p.roles.length === 1 && p.roles[0] === Role.Admin)).toBe(true);
  });
});
