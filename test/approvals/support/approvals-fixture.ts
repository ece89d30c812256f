import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { Role } from '@dealgate/domain';
import { JobName } from '@dealgate/messages';
import { startService } from '@dealgate/chassis';
import { TestDatabase, createTestDatabase, seedDirectory, testEnv, tokenFor, callApi } from '@dealgate/testing';
import { approvalsService } from '../../../apps/approvals/src/approvals.service-definition';
import { ApiBody, deliver, processed, requestedPayload } from './approvals-kit';

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
  const db: TestDatabase = await createTestDatabase();
  const started = await startService(approvalsService, testEnv(db.url));
  const app: INestApplication = started.app;
  const url = started.url;
  await seedDirectory(
    db.url,
    ['approvals'],
    Object.values(people).map((p) => ({ ...p, roles: [...p.roles] })),
    [
      { unitId: unitA, name: 'A', headUserId: people.headA.userId },
      { unitId: unitB, name: 'B', headUserId: people.headB.userId },
    ],
  );
  const token = (who: Person) =>
    tokenFor(who === 'demoted' || who === 'gone' ? { ...people[who], roles: [Role.Owner] } : people[who]);
  return {
    db,
    app,
    url,
    unitA,
    unitB,
    people,
    as: (who: Person, method: string, path: string, body?: unknown) =>
      callApi<ApiBody>(url, method, path, { token: token(who), body }),
    /** An `approval.requested` from prospects (an offer of seller1 in unit A unless overridden), processed. */
    async open(overrides: Parameters<typeof requestedPayload>[0] = {}) {
      const payload = requestedPayload({ requesterId: people.seller1.userId, unitId: unitA, ...overrides });
      await processed(db.url, await deliver(app, JobName.ApprovalRequested, payload));
      return payload;
    },
    async stop() {
      await app.close();
      await db.drop();
    },
  };
}

export type ApprovalsFixture = Awaited<ReturnType<typeof startApprovals>>;
