import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { companyKeys, FunnelEventKind, newProspectState, ProspectStatus, Role, Stage } from '@dealgate/domain';
import { Principal } from '@dealgate/auth';
import { chassisEntities } from '@dealgate/chassis';
import { openServiceDatabase } from '@dealgate/database';
import { createTestDatabase, TestDatabase } from '@dealgate/testing';
import { PROSPECTS_MIGRATIONS } from '../migrations';
import { PROSPECTS_ENTITIES } from '../prospects.entities';
import { OfferRepository } from '../offers/offer.repository';
import { SampleRepository } from '../samples/sample.repository';
import { Prospect } from './prospect.model';
import { ProspectRepository } from './prospect.repository';
import { TransitionLogRepository } from './transition-log.repository';

// Medium tests: the repositories against the real PostgreSQL schema the migrations build.
describe('funnel repositories', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const prospects = new ProspectRepository();
  const log = new TransitionLogRepository();
  const offers = new OfferRepository();
  const samples = new SampleRepository();
  const unitA = randomUUID();
  const unitB = randomUUID();
  const seller = randomUUID();
  let lineId: string;
  let sampleId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await openServiceDatabase({
      url: db.url,
      schema: 'prospects',
      // As the service registers them: its own and the chassis's (ChassisModule).
      entities: [...PROSPECTS_ENTITIES, ...chassisEntities(true)],
      migrations: PROSPECTS_MIGRATIONS,
    });
    [{ id: lineId }] = await ds.query<{ id: string }[]>(`SELECT id FROM product_line WHERE code = 'software'`);
    sampleId = (
      await samples.insert(ds.manager, {
        productLineId: lineId,
        unitId: unitA,
        authorId: randomUUID(),
        title: 'S',
        rationale: 'R',
      })
    ).id;
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tx = <T>(work: (m: EntityManager) => Promise<T>) => ds.transaction(work);

  async function prospect(
    name: string,
    overrides: { unitId?: string; taxId?: string; website?: string } = {},
  ): Promise<Prospect> {
    const unitId = overrides.unitId ?? unitA;
    return prospects.insert(ds.manager, {
      sampleId,
      productLineId: lineId,
      unitId,
      companyName: name,
      taxId: overrides.taxId ?? null,
      website: overrides.website ?? null,
      keys: companyKeys({ name, taxId: overrides.taxId, website: overrides.website }),
      state: { ...newProspectState(unitId), stage: Stage.PrimaryContact },
      ownerId: null,
      at: new Date('2026-01-01T00:00:00Z'),
    });
  }

  it('seeds the product-line presets and the lost reasons', async () => {
    const lines = await ds.query<{ code: string }[]>('SELECT code FROM product_line ORDER BY code');
    expect(lines.map((l) => l.code)).toEqual(['industrial_equipment', 'professional_services', 'software', 'supplies']);
    const reasons = await ds.query<{ code: string }[]>('SELECT code FROM lost_reason');
    expect(reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['no_budget', 'offer_rejected', 'other']));
  });

  it('keeps a company in the funnel once and finds candidates sharing any key', async () => {
    const acme = await prospect('Acme LLC', { taxId: '12345678', website: 'https://acme.example/x' });
    await expect(prospect('ACME Inc.')).rejects.toThrow(/prospect_name_key_uq/);
    await expect(prospect('Other', { website: 'www.acme.example' })).rejects.toThrow(/prospect_domain_key_uq/);
    const found = await prospects.withAnyKey(ds.manager, [
      companyKeys({ name: 'Unrelated', website: 'http://acme.example' }),
    ]);
    expect(found).toEqual([{ id: acme.id, keys: { name: 'acme', taxId: '12345678', domain: 'acme.example' } }]);
    expect(await prospects.withAnyKey(ds.manager, [companyKeys({ name: 'Nobody' })])).toEqual([]);
  });

  it('writes a new state only at the version it was read (optimistic concurrency)', async () => {
    const p = await prospect('Versioned Co');
    const next = { ...newProspectState(unitA), stage: Stage.NeedsIdentification };
    const at = new Date('2026-02-01T00:00:00Z');
    const first = await tx((m) => prospects.updateState(m, p.id, p.version, next, at, at));
    expect(first).toMatchObject({
      stage: Stage.NeedsIdentification,
      version: p.version + 1,
      stageEnteredAt: at.toISOString(),
    });
    const stale = await tx((m) => prospects.updateState(m, p.id, p.version, next, at, at));
    expect(stale).toBeNull();
    expect(await tx((m) => prospects.assignOwner(m, p.id, p.version, seller, at))).toBeNull();
    expect(await tx((m) => prospects.assignOwner(m, p.id, p.version + 1, seller, at))).toMatchObject({
      ownerId: seller,
      version: p.version + 2,
    });
  });

  it('lists only what each role may see, with filters and pages', async () => {
    const mine = await prospect('Mine Ltd');
    const me = randomUUID();
    await tx((m) => prospects.assignOwner(m, mine.id, mine.version, me, new Date()));
    const other = await prospect('Far Away', { unitId: unitB });
    const page = { limit: 50, offset: 0 };
    const as = (roles: Role[], unitId: string | null = unitA, userId = randomUUID()): Principal => ({
      userId,
      roles,
      unitId,
    });
    const ids = async (who: Principal, filter = {}) =>
      (await prospects.list(ds.manager, who, { ...page, ...filter })).items.map((p) => p.id);

    expect(await ids(as([Role.Salesperson], unitA, me))).toEqual([mine.id]);
    expect(await ids(as([Role.SalesHead], unitB))).toEqual([other.id]);
    expect(await ids(as([Role.Owner], null))).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect(await ids(as([Role.Admin], null))).toEqual([]);
    expect(await ids(as([Role.Legal], null))).toEqual([]);
    expect(await ids(as([Role.SalesHead]), { ownerId: me })).toEqual([mine.id]);
    expect(await ids(as([Role.SalesHead]), { q: 'mine' })).toEqual([mine.id]);
    expect(await ids(as([Role.SalesHead]), { stage: Stage.OfferDefence })).toEqual([]);
    const limited = await prospects.list(ds.manager, as([Role.Owner], null), { limit: 1, offset: 0 });
    expect(limited.items).toHaveLength(1);
    expect(limited.total).toBeGreaterThan(1);
  });

  it('appends transitions with their context and refuses to change or delete them', async () => {
    const p = await prospect('Logged Co');
    const entry = await tx((m) =>
      log.append(m, {
        prospectId: p.id,
        eventKind: FunnelEventKind.Lost,
        transition: {
          fromStage: Stage.PrimaryContact,
          toStage: Stage.PrimaryContact,
          fromStatus: ProspectStatus.Active,
          toStatus: ProspectStatus.Lost,
          evidence: null,
          lostReason: { code: 'no_budget', note: 'Frozen' },
        },
        at: new Date('2026-03-01T00:00:00Z'),
        actorId: seller,
        productLineId: lineId,
        unitId: unitA,
        ownerId: seller,
      }),
    );
    expect(await log.forProspect(ds.manager, p.id)).toEqual([
      expect.objectContaining({
        id: entry.id,
        toStatus: 'lost',
        lostReasonCode: 'no_budget',
        lostReasonNote: 'Frozen',
        ownerId: seller,
        unitId: unitA,
      }),
    ]);
    await expect(
      ds.query(`UPDATE stage_transition SET to_stage = 'contract' WHERE id = $1`, [entry.id]),
    ).rejects.toThrow(/append-only/);
    await expect(ds.query('DELETE FROM stage_transition WHERE id = $1', [entry.id])).rejects.toThrow(/append-only/);
    const indexes = await ds.query<{ indexname: string }[]>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'stage_transition'`,
    );
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining([
        'stage_transition_to_stage_at_idx',
        'stage_transition_owner_at_idx',
        'stage_transition_product_line_at_idx',
      ]),
    );
  });

  it('allows one open offer per prospect and numbers versions', async () => {
    const p = await prospect('Offer Co');
    const terms = {
      items: [
        {
          id: randomUUID(),
          productId: 'x',
          description: 'X',
          quantity: 1,
          unitPriceMinor: 100,
          currency: 'EUR',
          needIds: [],
        },
      ],
      paymentDays: 30,
      delivery: { text: null, days: 10 },
      discountPercent: 2.5,
      validUntil: '2027-01-31',
      clauses: [],
    };
    const at = new Date();
    const first = await offers.insert(ds.manager, {
      prospectId: p.id,
      previousOfferId: null,
      authorId: seller,
      terms,
      totalMinor: 98,
      currency: 'EUR',
      at,
    });
    expect(first).toMatchObject({
      number: 1,
      status: 'draft',
      discountPercent: 2.5,
      validUntil: '2027-01-31',
      totalMinor: 98,
    });
    await expect(
      offers.insert(ds.manager, {
        prospectId: p.id,
        previousOfferId: null,
        authorId: seller,
        terms,
        totalMinor: 98,
        currency: 'EUR',
        at,
      }),
    ).rejects.toThrow(/offer_one_open_uq/);
    await tx((m) => offers.changeStatus(m, first.id, { status: 'superseded' as never }, at));
    const second = await offers.insert(ds.manager, {
      prospectId: p.id,
      previousOfferId: first.id,
      authorId: seller,
      terms,
      totalMinor: 98,
      currency: 'EUR',
      at,
    });
    expect(second).toMatchObject({ number: 2, previousOfferId: first.id });
    expect(second.contributorIds).toEqual([seller]);
    expect(
      await tx((m) => offers.updateTerms(m, second.id, second.version + 1, terms, 98, 'EUR', at, seller)),
    ).toBeNull();
    const editor = randomUUID();
    const edited = await tx((m) => offers.updateTerms(m, second.id, second.version, terms, 98, 'EUR', at, editor));
    expect(edited?.contributorIds).toEqual([seller, editor]);
    const third = await tx((m) => offers.updateTerms(m, second.id, second.version + 1, terms, 98, 'EUR', at, editor));
    expect(third?.contributorIds).toEqual([seller, editor]);
    const seen = await offers.list(
      ds.manager,
      { userId: seller, roles: [Role.Salesperson], unitId: unitA },
      { limit: 10, offset: 0 },
    );
    expect(seen.total).toBe(0);
  });
});
