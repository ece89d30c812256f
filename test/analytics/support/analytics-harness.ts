import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { startService } from '@dealgate/chassis';
import { Role } from '@dealgate/domain';
import { createTestDatabase, seedDirectory, testEnv, tokenFor, callApi } from '@dealgate/testing';
import { prospectsService } from '../../../apps/prospects/src/prospects.service-definition';

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
  const db = await createTestDatabase();
  const { app, url } = await startService(prospectsService, testEnv(db.url));
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
  await seedDirectory(db.url, ['prospects'], Object.values(people), [
    { unitId: unitA, name: 'Unit A', headUserId: people.headA.userId },
    { unitId: unitB, name: 'Unit B', headUserId: null },
  ]);
  const tokens = Object.fromEntries(Object.entries(people).map(([k, p]) => [k, tokenFor(p)])) as Record<
    keyof typeof people,
    string
  >;
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const productLineIds = (await dataSource.query<{ id: string }[]>('SELECT id FROM product_line ORDER BY code')).map(
    (r) => r.id,
  );

  async function call(who: keyof typeof people, method: string, path: string, body?: unknown): Promise<Answer> {
    const answer = await callApi(url, method, `/api${path}`, { token: tokens[who], body });
    return { ...answer, type: answer.headers.get('content-type') };
  }

  return {
    app,
    db,
    dataSource,
    people,
    unitA,
    unitB,
    productLineIds,
    call,
    outbox: (job: string) =>
      dataSource.query<{ payload: Record<string, unknown> }[]>(
        'SELECT payload FROM outbox WHERE job_name = $1 ORDER BY created_at',
        [job],
      ),
    async stop() {
      await app.close();
      await db.drop();
    },
  };
}

export type AnalyticsHarness = Awaited<ReturnType<typeof startAnalytics>>;
