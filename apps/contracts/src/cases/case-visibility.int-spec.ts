import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ALL_ROLES, caseAccess, OfferTermsSnapshot, TaskGroup } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { chassisEntities, DirectoryService, DirectoryUser } from '@dealgate/chassis';
import { openServiceDatabase } from '@dealgate/database';
import { allSubsets, createTestDatabase, SeededRandom, TestDatabase } from '@dealgate/testing';
import { ContractActorService } from '../access/contract-actor.service';
import { CONTRACTS_ENTITIES } from '../contracts.entities';
import { CONTRACTS_MIGRATIONS } from '../migrations';
import { accessCaseOf } from './case-guard';
import { ContractCaseRecord } from './case.records';
import { caseVisibilityOf } from './case-visibility';
import { CasesRepository } from './cases.repository';

// Who sees a contract case is written twice: `caseAccess` in libs/domain (one case: guardCase) and the list's SQL
// filter (caseVisibilityOf + CasesRepository.list). Over generated cases and callers built the way the service builds
// them (ContractActorService: directory copy or token claims, task groups, the units they head), both must agree.
describe('case visibility: list filter = domain caseAccess', () => {
  const SEED = 18_4004;
  const CASE_COUNT = 200;
  const NOW = new Date('2026-03-02T12:00:00Z');
  let db: TestDatabase;
  let ds: DataSource;
  const units = [randomUUID(), randomUUID(), randomUUID()];
  const people = Array.from({ length: 8 }, () => randomUUID());
  const names = new Map<string, string>([
    ...units.map((u, i): [string, string] => [u, `unit${i}`]),
    ...people.map((p, i): [string, string] => [p, `user${i}`]),
  ]);
  const label = (id: string | null) => (id === null ? 'none' : (names.get(id) ?? id));
  const cases: Pick<ContractCaseRecord, 'id' | 'salespersonId' | 'unitId' | 'signedAt'>[] = [];
  const directoryUsers = new Map<string, DirectoryUser>();
  const random = new SeededRandom(SEED);
  const terms: OfferTermsSnapshot = {
    items: [{ productId: 'p1', description: 'Press', quantity: 1, unitPriceMinor: 100, currency: 'EUR' }],
    paymentDays: 30,
    delivery: { text: null, days: 90 },
    discountPercent: 0,
    validUntil: '2026-12-31',
    clauses: [],
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openServiceDatabase({
      url: db.url,
      schema: 'contracts',
      // As the service registers them: its own and the chassis's (ChassisModule).
      entities: [...CONTRACTS_ENTITIES, ...chassisEntities(true)],
      migrations: CONTRACTS_MIGRATIONS,
    });
    const repository = new CasesRepository(ds);
    await ds.transaction(async (manager) => {
      // user0 heads unit0 and unit1, user1 heads unit2: heading is read from the directory's units, not the roles.
      for (const [i, head] of [people[0], people[0], people[1]].entries()) {
        await manager.query(
          `INSERT INTO directory_unit (unit_id, name, head_user_id, changed_at) VALUES ($1, $2, $3, $4)`,
          [units[i], `Unit ${i}`, head, NOW],
        );
      }
      for (let n = 0; n < CASE_COUNT; n++) {
        const id = randomUUID();
        const salespersonId = random.pick(people);
        const unitId = random.pick(units);
        await repository.insertIfAbsent(manager, {
          id,
          offerId: randomUUID(),
          prospectId: randomUUID(),
          defenceId: randomUUID(),
          salespersonId,
          unitId,
          productLineId: randomUUID(),
          companyName: `Company ${n}`,
          baseline: terms,
          terms,
          defendedAt: NOW,
          openedAt: NOW,
        });
        const signed = random.chance(0.3);
        if (signed)
          await repository.markSigned(manager, id, { at: NOW, on: '2026-03-02', by: people[2], signatories: [] });
        cases.push({ id, salespersonId, unitId, signedAt: signed ? NOW : null });
      }
    });
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /**
   * Every combination of roles (2^6) as one of the people, each known to the service one way: in the directory copy
   * with the same roles (with or without an extra task group, delivery included), deactivated there, or not copied
   * yet (the token's claims).
   */
  function principals(): { principal: Principal; directory: string }[] {
    const draw = new SeededRandom(SEED + 1);
    return allSubsets(ALL_ROLES).map((roles, i) => {
      const principal: Principal = { userId: people[i % people.length], roles, unitId: draw.pick(units) };
      const kind = draw.pick(['copied', 'copied', 'copied with a group', 'deactivated', 'not copied']);
      return { principal, directory: kind };
    });
  }

  it('lists exactly the cases the domain gives any access to, for every combination of roles', async () => {
    const repository = new CasesRepository(ds);
    const mismatches: string[] = [];
    const listed: number[] = [];
    const all = principals();
    for (const { principal, directory } of all) {
      directoryUsers.clear();
      if (directory !== 'not copied') {
        directoryUsers.set(principal.userId, {
          userId: principal.userId,
          roles: principal.roles,
          unitId: principal.unitId,
          groups: directory === 'copied with a group' ? [random.pick(Object.values(TaskGroup))] : [],
          leadOf: [],
          active: directory !== 'deactivated',
          sealedContact: '',
        });
      }
      const actors = new ContractActorService(
        { user: (id: string) => Promise.resolve(directoryUsers.get(id) ?? null) } as unknown as DirectoryService,
        ds,
      );
      const actor = await actors.actorFor(principal);
      const { items } = await repository.list(caseVisibilityOf(actor), {}, { limit: CASE_COUNT + 1, offset: 0 }, NOW);
      const bySql = new Set(items.map((i) => i.record.id));
      listed.push(bySql.size);
      for (const c of cases) {
        const access = caseAccess(actor, { kind: 'case', contractCase: accessCaseOf(c as ContractCaseRecord) });
        if (bySql.has(c.id) === (access !== 'none')) continue;
        mismatches.push(
          `principal {user ${label(principal.userId)}, roles [${principal.roles.join(',')}], ${directory},` +
            ` groups [${actor.groups.join(',')}], heads [${actor.headOfUnits.map(label).join(',')}]}` +
            ` / case ${c.id} {salesperson ${label(c.salespersonId)}, unit ${label(c.unitId)},` +
            ` ${c.signedAt ? 'signed' : 'open'}}: SQL ${bySql.has(c.id) ? 'lists it' : 'omits it'}, domain access ${access}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    expect(listed).toContain(0);
    expect(listed).toContain(CASE_COUNT);
    expect(listed.some((n) => n > 0 && n < CASE_COUNT)).toBe(true);
  });
});
