import { randomUUID } from 'node:crypto';
import { Role } from '@dealgate/domain';
import { startMediumTest } from '@dealgate/testing';
import { prospectsService } from '../../src/prospects.service-definition';

export interface Answer {
  status: number;
  // Parsed JSON of any report; each test reads the fields it checks.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
  type: string | null;
}

/** The prospects service alone on its own database with two units: a head, salespeople, the owner, an admin. */
export async function startAnalytics() {
  const unitA = randomUUID();
  const unitB = randomUUID();
  const people = {
    owner: { userId: randomUUID(), roles: [Role.Owner] },
    headA: { userId: randomUUID(), roles: [Role.SalesHead], unitId: unitA },
    sellerA: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA },
    sellerA2: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitA },
    sellerB: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitB },
    idle: { userId: randomUUID(), roles: [Role.Salesperson], unitId: unitB },
    admin: { userId: randomUUID(), roles: [Role.Admin] },
  };
  const test = await startMediumTest(prospectsService, {
    people,
    units: [
      { unitId: unitA, name: 'Unit A', headUserId: people.headA.userId },
      { unitId: unitB, name: 'Unit B', headUserId: null },
    ],
  });
  const { dataSource } = test;
  const productLineIds = (await dataSource.query<{ id: string }[]>('SELECT id FROM product_line ORDER BY code')).map(
    (r) => r.id,
  );

  async function call(who: keyof typeof people, method: string, path: string, body?: unknown): Promise<Answer> {
    const answer = await test.call(who, method, `/api${path}`, { body });
    return { ...answer, type: answer.headers.get('content-type') };
  }

  return {
    app: test.app,
    db: test.db,
    dataSource,
    people,
    unitA,
    unitB,
    productLineIds,
    call,
    outbox: test.outbox,
    deliver: test.deliver,
    handled: test.handled,
    count: test.count,
    stop: test.stop,
  };
}

export type AnalyticsHarness = Awaited<ReturnType<typeof startAnalytics>>;
