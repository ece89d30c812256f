import type { NestExpressApplication } from '@nestjs/platform-express';
import { Role } from '@dealgate/domain';
import { MediumTest, startMediumTest, fetchWithContract, queryOnce, tokenFor } from '@dealgate/testing';
import { gatewayService } from '../gateway.service-definition';
import { UsersService } from '../identity/users.service';

jest.setTimeout(60_000);

// The audit log's period filter (the console's from/to fields), on the real gateway and PostgreSQL.
describe('the audit log by period (medium)', () => {
  let t: MediumTest;
  let db: MediumTest['db'];
  let app: NestExpressApplication;
  let url: string;
  let admin: string;

  const list = async (query: string) => {
    const response = await fetchWithContract(`${url}/api/auth/audit?${query}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const subjects = async (query: string) =>
    ((await list(query)).body.items as { subject: string }[]).map((entry) => entry.subject);

  beforeAll(async () => {
    t = await startMediumTest(gatewayService);
    ({ app, url, db } = t);
    const created = await app
      .get(UsersService)
      .create(
        { email: 'ada@example.test', name: 'Ada Admin', password: 'Quartz-Harbour-5127', roles: [Role.Admin] },
        null,
      );
    admin = tokenFor({ userId: created.id, roles: [Role.Admin], unitId: null });
    for (const [subject, at] of [
      ['september', '2020-09-30T23:59:59Z'],
      ['october-first', '2020-10-01T00:00:00Z'],
      ['october-last', '2020-10-31T23:59:59Z'],
      ['november', '2020-11-01T00:00:00Z'],
    ]) {
      await queryOnce(db.url, `INSERT INTO "gateway".audit_log (event, subject, at) VALUES ('login.failed', $1, $2)`, [
        subject,
        at,
      ]);
    }
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('keeps the events from `from` (included) to `to` (excluded), with the other filters and the total', async () => {
    const october = 'from=2020-10-01&to=2020-11-01';
    expect(await subjects(october)).toEqual(['october-last', 'october-first']);
    expect((await list(`${october}&event=login.failed&limit=1`)).body).toMatchObject({ total: 2, limit: 1 });
    expect(await subjects('from=2020-10-31T23:59:59Z&to=2020-11-01T00:00:01Z')).toEqual(['november', 'october-last']);
    // A time without an offset is UTC; one with an offset is that moment (01:00+01:00 is midnight UTC, excluded).
    expect(await subjects('from=2020-10-31T23:00:00&to=2020-11-01T01:00:00%2B01:00')).toEqual(['october-last']);
    // Either end alone.
    expect(await subjects('to=2020-10-01T00:00:00Z')).toEqual(['september']);
    expect(await subjects('from=2020-11-01&event=login.failed')).toEqual(['november']);
    expect((await list('from=2020-12-01&to=2021-01-01')).body).toMatchObject({ items: [], total: 0 });
  });

  it.each([
    ['from', 'from=2020-13-01'],
    ['from', 'from=yesterday'],
    ['to', 'from=2020-10-01&to=2020-10-01T25:00:00Z'],
  ])('refuses a bad %s with a 400 naming it (%s)', async (field, query) => {
    const bad = await list(query);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'validation_failed', fields: [{ field }] });
  });
});
