import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@dealgate/domain';
import { MediumTest, startMediumTest, tokenFor, fetchWithContract } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';
import { UnitsService } from './units.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

// Jest applies only the global testTimeout (the integration project's 60 s is not read): booting a service under
// load takes longer than the default 5 s.
jest.setTimeout(60_000);

// GET /api/units/:id/members on the real gateway and PostgreSQL: who may look into a unit, and what they see.
describe('unit members (medium)', () => {
  let t: MediumTest;
  let app: NestExpressApplication;
  let url: string;
  const tokens: Record<string, string> = {};
  let unitA: string;
  let unitB: string;
  const ids: Record<string, string> = {};

  const get = async (who: string, path: string) => {
    const response = await fetchWithContract(`${url}/api${path}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    return { status: response.status, body: await response.json() };
  };

  beforeAll(async () => {
    t = await startMediumTest(gatewayService);
    ({ app, url } = t);
    const users = app.get(UsersService);
    const units = app.get(UnitsService);
    const person = async (key: string, name: string, roles: Role[], unitId: string | null = null) => {
      const user = await users.create(
        { email: `${key}@example.test`, name, password: 'medium-Secret-pass-9', roles, unitId },
        null,
      );
      ids[key] = user.id;
      tokens[key] = tokenFor({ userId: user.id, roles, unitId: user.unitId });
      return user;
    };
    const actor = { userId: (await person('admin', 'Ada Admin', [Role.Admin])).id, ip: null };
    await person('owner', 'Olga Owner', [Role.Owner]);
    const headA = await person('headA', 'Hugo Head', [Role.SalesHead]);
    await person('headB', 'Hanna Head', [Role.SalesHead]);
    unitA = (await units.create({ name: 'Unit A', headUserId: headA.id }, actor)).id;
    unitB = (await units.create({ name: 'Unit B', headUserId: ids.headB }, actor)).id;
    // Appointed, each head joined their unit: the tokens of their old unit are revoked (token version moved on).
    const versionOf = async (id: string) => (await app.get(UsersRepository).findById(id))!.tokenVersion;
    tokens.headA = tokenFor({
      userId: ids.headA,
      roles: [Role.SalesHead],
      unitId: unitA,
      tokenVersion: await versionOf(ids.headA),
    });
    tokens.headB = tokenFor({
      userId: ids.headB,
      roles: [Role.SalesHead],
      unitId: unitB,
      tokenVersion: await versionOf(ids.headB),
    });
    await person('sellerA', 'Bea Seller', [Role.Salesperson], unitA);
    const gone = await person('goneA', 'Gus Gone', [Role.Salesperson], unitA);
    await users.setActive(gone.id, false, actor);
    await person('sellerB', 'Carl Seller', [Role.Salesperson], unitB);
    await person('legal', 'Lea Legal', [Role.Legal]);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it("lists a unit's active members by name with their roles and no e-mails, for its head", async () => {
    const answer = await get('headA', `/units/${unitA}/members`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { id: ids.sellerA, name: 'Bea Seller', roles: [Role.Salesperson] },
      { id: ids.headA, name: 'Hugo Head', roles: [Role.SalesHead] },
    ]);
  });

  it('lets the owner and an admin look into any unit', async () => {
    for (const who of ['owner', 'admin']) {
      const answer = await get(who, `/units/${unitB}/members`);
      expect({ who, status: answer.status }).toEqual({ who, status: 200 });
      expect((answer.body as { id: string }[]).map((m) => m.id).sort()).toEqual([ids.headB, ids.sellerB].sort());
    }
  });

  it('answers 404 to the head of another unit and for an unknown unit, 403 to other roles', async () => {
    expect((await get('headB', `/units/${unitA}/members`)).status).toBe(404);
    expect((await get('owner', '/units/00000000-0000-4000-8000-00000000abcd/members')).status).toBe(404);
    expect((await get('sellerA', `/units/${unitA}/members`)).status).toBe(403);
    expect((await get('legal', `/units/${unitA}/members`)).status).toBe(403);
  });
});
