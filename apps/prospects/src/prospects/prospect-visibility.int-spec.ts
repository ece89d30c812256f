import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  ALL_PROSPECT_STATUSES,
  ALL_ROLES,
  companyKeys,
  prospectAccess,
  ProspectStatus,
  Role,
  Stage,
  STAGE_ORDER,
} from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { chassisEntities } from '@dealgate/chassis';
import { openServiceDatabase } from '@dealgate/database';
import { allSubsets, createTestDatabase, SeededRandom, TestDatabase } from '@dealgate/testing';
import { PROSPECTS_MIGRATIONS } from '../migrations';
import { PROSPECTS_ENTITIES } from '../prospects.entities';
import { SampleRepository } from '../samples/sample.repository';
import { actorOf } from '../shared/actor';
import { ProspectRepository } from './prospect.repository';
import { visibleProspectsSql } from './prospect-visibility.sql';

// The rule "who sees a prospect" exists twice: `prospectAccess` in libs/domain (the detail and every write) and the
// SQL filter of the lists (visibleProspectsSql). Over generated prospects and every combination of roles, both must
// pick the same rows, or a list shows a row its detail refuses (or hides one it allows).
describe('prospect visibility: SQL filter = domain prospectAccess', () => {
  const SEED = 18_2026;
  const PROSPECT_COUNT = 300;
  let db: TestDatabase;
  let ds: DataSource;
  const units = [randomUUID(), randomUUID(), randomUUID()];
  const owners = Array.from({ length: 6 }, () => randomUUID());
  const emptyUnit = randomUUID();
  const stranger = randomUUID();
  const names = new Map<string | null, string>([
    ...units.map((u, i): [string, string] => [u, `unit${i}`]),
    ...owners.map((o, i): [string, string] => [o, `owner${i}`]),
    [emptyUnit, 'unit-without-prospects'],
    [stranger, 'stranger'],
    [null, 'none'],
  ]);
  const label = (id: string | null) => names.get(id) ?? id ?? 'none';
  const rows: { id: string; ownerId: string | null; unitId: string; stage: Stage; status: ProspectStatus }[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openServiceDatabase({
      url: db.url,
      schema: 'prospects',
      // As the service registers them: its own and the chassis's (ChassisModule).
      entities: [...PROSPECTS_ENTITIES, ...chassisEntities(true)],
      migrations: PROSPECTS_MIGRATIONS,
    });
    const [{ id: lineId }] = await ds.query<{ id: string }[]>(`SELECT id FROM product_line WHERE code = 'software'`);
    const samples = new SampleRepository();
    const prospects = new ProspectRepository();
    const random = new SeededRandom(SEED);
    await ds.transaction(async (manager) => {
      const sampleOf = new Map<string, string>();
      for (const unitId of units) {
        const sample = await samples.insert(manager, {
          productLineId: lineId,
          unitId,
          authorId: owners[0],
          title: 'S',
          rationale: 'R',
        });
        sampleOf.set(unitId, sample.id);
      }
      for (let n = 0; n < PROSPECT_COUNT; n++) {
        // Every stage x status pair first, the rest drawn; about one in five unassigned.
        const stage = n < 18 ? STAGE_ORDER[n % 6] : random.pick(STAGE_ORDER);
        const status = n < 18 ? ALL_PROSPECT_STATUSES[Math.floor(n / 6)] : random.pick(ALL_PROSPECT_STATUSES);
        const unitId = random.pick(units);
        const ownerId = random.chance(0.2) ? null : random.pick(owners);
        const name = `Company ${n}`;
        const p = await prospects.insert(manager, {
          sampleId: sampleOf.get(unitId)!,
          productLineId: lineId,
          unitId,
          companyName: name,
          taxId: null,
          website: null,
          keys: companyKeys({ name }),
          state: { stage, status, unitId, approvedOfferId: null, lostReason: null },
          ownerId,
          at: new Date('2026-01-01T00:00:00Z'),
        });
        rows.push({ id: p.id, ownerId, unitId, stage, status });
      }
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /**
   * Every combination of roles (2^6, the empty one too), each with a unit (one of the three, one without prospects,
   * or none) and a user (one of the owners, or a stranger), drawn so each role meets each kind of unit.
   */
  function principals(): Principal[] {
    const random = new SeededRandom(SEED + 1);
    const unitChoices = [...units, emptyUnit, null];
    const userChoices = [...owners, stranger];
    return allSubsets(ALL_ROLES).map((roles, i) => ({
      userId: random.pick(userChoices),
      roles,
      unitId: unitChoices[i % unitChoices.length],
    }));
  }

  it('selects exactly the rows the domain gives any access to, for every combination of roles', async () => {
    const all = principals();
    const mismatches: string[] = [];
    let compared = 0;
    const seen: number[] = [];
    for (const principal of all) {
      const params: unknown[] = [];
      const selected = await ds.query<{ id: string }[]>(
        `SELECT id FROM prospect p WHERE ${visibleProspectsSql(principal, params)}`,
        params,
      );
      const bySql = new Set(selected.map((r) => r.id));
      seen.push(bySql.size);
      const actor = actorOf(principal);
      for (const row of rows) {
        compared++;
        const access = prospectAccess(actor, row);
        const byDomain = access !== 'none';
        if (bySql.has(row.id) === byDomain) continue;
        mismatches.push(
          `principal {user ${label(principal.userId)}, roles [${principal.roles.join(',')}], unit ${label(principal.unitId)}}` +
            ` / prospect ${row.id} {owner ${label(row.ownerId)}, unit ${label(row.unitId)}, ${row.stage}, ${row.status}}:` +
            ` SQL ${bySql.has(row.id) ? 'selects' : 'omits'} it, domain access ${access}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBe(all.length * PROSPECT_COUNT);
    // The data reaches every branch: some principals see nothing, some everything, some a part.
    expect(seen).toContain(0);
    expect(seen).toContain(PROSPECT_COUNT);
    expect(seen.some((n) => n > 0 && n < PROSPECT_COUNT)).toBe(true);
    expect(all.some((p) => p.roles.includes(Role.SalesHead) && p.unitId === null)).toBe(true);
    expect(all.some((p) => p.roles.includes(Role.SalesHead) && p.unitId === emptyUnit)).toBe(true);
  });
});
