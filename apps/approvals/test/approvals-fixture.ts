import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { startMediumTest } from '@dealgate/testing';
import { approvalsService } from '../src/approvals.service-definition';
import { ApiBody, emitted, requestedPayload } from './approvals-kit';

/** Two units and the people the medium tests act as, seeded into the approvals directory copy. */
export function approvalsPeople() {
  const unitA = randomUUID();
  const unitB = randomUUID();
  const people = {
    headA: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA },
    deputyA: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA },
    headB: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitB },
    owner1: { userId: randomUUID(), roles: [Role.Owner], unitId: null },
    owner2: { userId: randomUUID(), roles: [Role.Owner], unitId: null },
    ownerSeller: { userId: randomUUID(), roles: [Role.Owner, Role.Salesperson, Role.SalesHead], unitId: unitA },
    seller1: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA },
    seller2: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA },
    admin: { userId: randomUUID(), roles: [Role.Admin], unitId: null },
    // The directory copy knows better than their (still valid) owner tokens: one demoted, one deactivated.
    demoted: { userId: randomUUID(), roles: [Role.Salesperson], unitId: null },
    gone: { userId: randomUUID(), roles: [Role.Owner], unitId: null, active: false },
  };
  return { unitA, unitB, people };
}

export type Person = keyof ReturnType<typeof approvalsPeople>['people'];

/** The approvals service alone on a fresh database, with the people above and helpers to act as them. */
export async function startApprovals() {
  const { unitA, unitB, people } = approvalsPeople();
  const test = await startMediumTest(approvalsService, {
    // The directory copy knows better than their (still valid) owner tokens.
    people: {
      ...people,
      demoted: { ...people.demoted, tokenRoles: [Role.Owner] },
      gone: { ...people.gone, tokenRoles: [Role.Owner] },
    },
    units: [
      { unitId: unitA, name: 'A', headUserId: people.headA.userId },
      { unitId: unitB, name: 'B', headUserId: people.headB.userId },
    ],
  });
  return {
    db: test.db,
    app: test.app,
    url: test.url,
    unitA,
    unitB,
    people,
    as: (who: Person, method: string, path: string, body?: unknown) => test.call<ApiBody>(who, method, path, { body }),
    /** An `approval.requested` from prospects (an offer of seller1 in unit A unless overridden), processed. */
    async open(overrides: Parameters<typeof requestedPayload>[0] = {}) {
      const payload = requestedPayload({ requesterId: people.seller1.userId, unitId: unitA, ...overrides });
      await test.handled(await test.deliver(JobName.ApprovalRequested, payload));
      return payload;
    },
    deliver: test.deliver,
    handled: test.handled,
    count: test.count,
    /** Jobs the service wrote to its outbox for one request, by name, oldest first. */
    emitted: (requestId: string, name: JobName) => emitted(test.db.url, requestId, name),
    stop: test.stop,
  };
}

export type ApprovalsFixture = Awaited<ReturnType<typeof startApprovals>>;
