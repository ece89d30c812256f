import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@dealgate/domain';
import { MediumTest, startMediumTest, fetchWithContract, tokenFor } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';
import { UsersService } from './users.service';

jest.setTimeout(60_000);

// What the console's administration forms rely on, on the real gateway and PostgreSQL: the user list's search, and
// refusals that name their field (so the form shows them next to it).
describe('identity for the admin forms (medium)', () => {
  let t: MediumTest;
  let app: NestExpressApplication;
  let url: string;
  let admin: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetchWithContract(`${url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  const user = (email: string, name: string, roles: Role[], unitId?: string) =>
    call('POST', '/users', { email, name, password: 'Quartz-Harbour-5127', roles, ...(unitId ? { unitId } : {}) });

  beforeAll(async () => {
    t = await startMediumTest(gatewayService);
    ({ app, url } = t);
    const created = await app
      .get(UsersService)
      .create(
        { email: 'ada@example.test', name: 'Ada Admin', password: 'Quartz-Harbour-5127', roles: [Role.Admin] },
        null,
      );
    admin = tokenFor({ userId: created.id, roles: [Role.Admin], unitId: null });
    await user('bea.berg@example.test', 'Bea Berg', [Role.Salesperson]);
    await user('carl@example.test', 'Carl Bergman', [Role.Legal]);
    await user('dora@example.test', 'Dora 100%', [Role.Accounting]);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('finds users by part of the name or the e-mail, case-insensitive, with the other filters', async () => {
    const emails = async (query: string) =>
      ((await call('GET', `/users?${query}`)).body.items as { email: string }[]).map((u) => u.email);
    expect(await emails('q=BERG')).toEqual(['bea.berg@example.test', 'carl@example.test']);
    expect(await emails('q=berg&role=legal')).toEqual(['carl@example.test']);
    expect(await emails('q=ada%40')).toEqual(['ada@example.test']);
    // % and _ are searched for as they are, not as wildcards.
    expect(await emails('q=100%25')).toEqual(['dora@example.test']);
    expect(await emails('q=_')).toEqual([]);
    const page = await call('GET', '/users?q=berg&limit=1');
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 0 });
  });

  it('names the field of a taken e-mail, a closed unit, a taken unit name and an unfit head', async () => {
    const taken = await user('BEA.berg@example.test', 'Bea Two', [Role.Salesperson]);
    expect(taken.status).toBe(409);
    expect(taken.body.fields).toEqual([{ field: 'email', problems: ['is taken by another user'] }]);

    const unit = (await call('POST', '/units', { name: 'North' })).body;
    const sameName = await call('POST', '/units', { name: 'North' });
    expect(sameName.status).toBe(409);
    expect(sameName.body.fields).toEqual([{ field: 'name', problems: ['is taken by another unit'] }]);

    const seller = (await user('eve@example.test', 'Eve Seller', [Role.Salesperson], unit.id)).body;
    const unfit = await call('PATCH', `/units/${unit.id}`, { version: unit.version, headUserId: seller.id });
    expect(unfit.status).toBe(422);
    expect(unfit.body).toMatchObject({
      code: 'identity.head_without_role',
      fields: [{ field: 'headUserId', problems: ['is neither a sales head nor the owner'] }],
    });

    await call('PATCH', `/units/${unit.id}`, { version: unit.version, active: false });
    const closed = await user('finn@example.test', 'Finn', [Role.Salesperson], unit.id);
    expect(closed.status).toBe(422);
    expect(closed.body.fields).toEqual([{ field: 'unitId', problems: ['the unit is closed'] }]);
  });

  it('refuses renaming a unit to a name another unit has, whatever the case, and leaves it as it was', async () => {
    await call('POST', '/units', { name: 'Harbour East' });
    const west = (await call('POST', '/units', { name: 'Harbour West' })).body;

    const renamed = await call('PATCH', `/units/${west.id}`, { version: west.version, name: 'HARBOUR east' });
    expect(renamed.status).toBe(409);
    expect(renamed.body.fields).toEqual([{ field: 'name', problems: ['is taken by another unit'] }]);

    const after = await call('GET', `/units/${west.id}`);
    expect(after.body).toMatchObject({ name: 'Harbour West', version: west.version });
  });
});
