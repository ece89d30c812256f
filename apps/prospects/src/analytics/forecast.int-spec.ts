import { AnalyticsHarness, startAnalytics } from '../../test/analytics/analytics-harness';
import { forecastHistory, forecastProspect as prospect } from '../../test/analytics/forecast-history';
import { GeneratedProspect, insertFunnel } from '../../test/analytics/funnel-generator';

const DAY = 86_400_000;
const AS_OF = '2026-07-01';

interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

// Nine months of history: every 4 days each salesperson starts a prospect; 2 of 3 sign, 1 of 3 is lost on the way.
describe('signed-contract and stage-arrival forecast (GET /analytics/forecast, /analytics/forecast/backtest)', () => {
  let h: AnalyticsHarness;
  let open: {
    closeA: GeneratedProspect;
    freshA: GeneratedProspect;
    midA2: GeneratedProspect;
    closeB: GeneratedProspect;
  };

  beforeAll(async () => {
    h = await startAnalytics();
    const [{ id: line }] = await h.dataSource.query<{ id: string }[]>(
      'SELECT id FROM product_line WHERE cycle_min_days = 30 AND cycle_max_days = 60',
    );
    const { sellerA, sellerA2, sellerB } = h.people;
    const sellers = [sellerA, sellerA2, sellerB].map((p) => ({ userId: p.userId, unitId: p.unitId }));
    const history = forecastHistory(sellers, line, new Date('2025-10-01T09:00:00Z'), 230);
    const before = (days: number) => new Date(new Date(`${AS_OF}T00:00:00Z`).getTime() - days * DAY);
    open = {
      closeA: prospect(sellers[0], line, before(22), 4, 'open'), // 2 days in the contract stage
      freshA: prospect(sellers[0], line, before(1), 0, 'open'), // a day in primary contact
      midA2: prospect(sellers[1], line, before(12), 2, 'open'),
      closeB: prospect(sellers[2], line, before(21), 4, 'open'),
    };
    await insertFunnel(h.db.url, [...history, ...Object.values(open)]);
  });
  afterAll(async () => {
    await h?.stop();
  });

  const ids = (body: { deals: { items: { prospectId: string }[] } }) => body.deals.items.map((d) => d.prospectId);

  it('forecasts signed contracts per period as P10 <= P50 <= P90, and ranks a deal near signing above a fresh one', async () => {
    const r = await h.call('owner', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    expect(r.status).toBe(200);
    // Warm: the first call also pays for the JIT.
    const started = performance.now();
    await h.call('owner', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    const ms = performance.now() - started;
    console.log(`GET /analytics/forecast (owner, ${r.body.history.signed} signed in the log): ${ms.toFixed(0)} ms`);
    expect(r.body.asOf).toBe(`${AS_OF}T00:00:00.000Z`);
    expect((r.body.periods as { key: string }[]).map((p) => p.key)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      'next_3_months',
      '2026-Q3',
    ]);
    for (const p of r.body.periods as { key: string; count: Quantiles }[]) {
      expect(p.count.p10).toBeLessThanOrEqual(p.count.p50);
      expect(p.count.p50).toBeLessThanOrEqual(p.count.p90);
    }
    // Three salespeople each sign about one contract every 6 days: the next three months hold dozens.
    const next3 = (r.body.periods as { key: string; count: Quantiles }[]).find((p) => p.key === 'next_3_months')!;
    expect(next3.count.p50).toBeGreaterThan(10);
    const deals = r.body.deals.items as {
      prospectId: string;
      probability: number;
      expectedMonth: string | null;
      reason: string;
      companyName: string;
    }[];
    expect(r.body.deals.total).toBe(4);
    const p = (id: string) => deals.find((d) => d.prospectId === id)!;
    expect(p(open.closeA.id).probability).toBeGreaterThan(p(open.freshA.id).probability);
    expect(p(open.closeA.id).probability).toBeGreaterThan(0.5);
    expect(p(open.closeA.id).expectedMonth).toBe('2026-07');
    expect(p(open.closeA.id).reason).toContain('In contract for 2 days');
    expect(p(open.closeA.id).companyName).toMatch(/^=Company /);
    // Most likely first; a capped page keeps the total.
    expect(deals.map((d) => d.probability)).toEqual([...deals.map((d) => d.probability)].sort((a, b) => b - a));
    const capped = await h.call('owner', 'GET', `/analytics/forecast?asOf=${AS_OF}&limit=1`);
    expect(capped.body.deals).toMatchObject({ total: 4, limit: 1, offset: 0 });
    expect(ids(capped.body)).toEqual([deals[0].prospectId]);
  });

  it("forecasts the arrivals at each stage per period beside the plans entered for them, in the caller's scope", async () => {
    const plan = await h.call('headA', 'PUT', '/plans', {
      period: '2026-08',
      salespersonId: h.people.sellerA.userId,
      stages: { needs_identification: 7, contract: 3 },
    });
    expect(plan.status).toBe(200);
    const r = await h.call('sellerA', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    expect(r.status).toBe(200);
    type Period = { key: string; arrivals: { stage: string; count: Quantiles; planned: number | null }[] };
    const period = (body: { periods: Period[] }, key: string) => body.periods.find((p) => p.key === key)!;
    const august = period(r.body, '2026-08');
    expect(august.arrivals.map((a) => a.stage)).toEqual([
      'primary_contact',
      'needs_identification',
      'offer_formation',
      'offer_defence',
      'contract',
    ]);
    for (const a of august.arrivals) {
      expect(a.count.p10).toBeLessThanOrEqual(a.count.p50);
      expect(a.count.p50).toBeLessThanOrEqual(a.count.p90);
    }
    const at = (p: Period, stage: string) => p.arrivals.find((a) => a.stage === stage)!;
    // Seller A started a prospect every 4 days: new ones keep arriving, and most of them move on.
    expect(at(august, 'primary_contact').count.mean).toBeGreaterThan(3);
    expect(at(august, 'needs_identification').count.mean).toBeGreaterThan(1);
    expect([at(august, 'needs_identification').planned, at(august, 'contract').planned]).toEqual([7, 3]);
    // A stage the plan leaves out is not planned, which is not a plan of zero.
    expect(at(august, 'offer_formation').planned).toBeNull();
    expect(at(period(r.body, '2026-Q3'), 'needs_identification').planned).toBe(7);
    expect(at(period(r.body, 'next_3_months'), 'needs_identification').planned).toBeNull();
    // The head's unit holds seller A's plan; unit B has none of it.
    const head = await h.call('headA', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    expect(at(period(head.body, '2026-08'), 'needs_identification').planned).toBe(7);
    expect(at(period(head.body, '2026-08'), 'primary_contact').count.mean).toBeGreaterThan(
      at(august, 'primary_contact').count.mean,
    );
    const unitB = await h.call('owner', 'GET', `/analytics/forecast?asOf=${AS_OF}&unitId=${h.unitB}`);
    expect(at(period(unitB.body, '2026-08'), 'needs_identification').planned).toBeNull();
  });

  it("keeps to the caller's scope: a salesperson sees their own deals, a head their unit, a foreign filter is 404", async () => {
    const mine = await h.call('sellerA', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    expect(mine.status).toBe(200);
    expect(mine.body.scope.salespersonId).toBe(h.people.sellerA.userId);
    expect(ids(mine.body).sort()).toEqual([open.closeA.id, open.freshA.id].sort());
    const head = await h.call('headA', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    expect(ids(head.body).sort()).toEqual([open.closeA.id, open.freshA.id, open.midA2.id].sort());
    const owner = await h.call('owner', 'GET', `/analytics/forecast?asOf=${AS_OF}`);
    const next3 = (body: { periods: { key: string; count: Quantiles }[] }) =>
      body.periods.find((p) => p.key === 'next_3_months')!.count.mean;
    expect(next3(mine.body)).toBeLessThan(next3(head.body));
    expect(next3(head.body)).toBeLessThan(next3(owner.body));
    const unitB = await h.call('owner', 'GET', `/analytics/forecast?asOf=${AS_OF}&unitId=${h.unitB}`);
    expect(ids(unitB.body)).toEqual([open.closeB.id]);

    expect((await h.call('headA', 'GET', `/analytics/forecast?unitId=${h.unitB}`)).status).toBe(404);
    expect((await h.call('headA', 'GET', `/analytics/forecast?salespersonId=${h.people.sellerB.userId}`)).status).toBe(
      404,
    );
    expect(
      (await h.call('sellerA', 'GET', `/analytics/forecast?salespersonId=${h.people.sellerA2.userId}`)).status,
    ).toBe(404);
    expect((await h.call('headA', 'GET', `/analytics/forecast/backtest?unitId=${h.unitB}`)).status).toBe(404);
    expect((await h.call('admin', 'GET', '/analytics/forecast')).status).toBe(403);
  });

  it('names the field of a bad query', async () => {
    const r = await h.call('owner', 'GET', '/analytics/forecast?asOf=yesterday&limit=0');
    expect(r.status).toBe(400);
    expect((r.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual(['asOf', 'limit']);
    const a = await h.call('owner', 'GET', '/analytics/forecast/backtest?origins=13');
    expect(a.status).toBe(400);
    expect((a.body.fields as { field: string }[]).map((f) => f.field)).toEqual(['origins']);
  });

  it('measures its accuracy on the history beside the fixed stage weights, and says when the history is too short', async () => {
    const started = performance.now();
    const r = await h.call('owner', 'GET', `/analytics/forecast/backtest?asOf=${AS_OF}&origins=6`);
    console.log(
      `GET /analytics/forecast/backtest (owner, ${r.body.origins} origins): ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(r.status).toBe(200);
    // The log starts on 2025-10-01: origins need 90 days before them and three months after (by 2026-07-01).
    expect(r.body.originDates).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(r.body).toMatchObject({ origins: 4, reason: null });
    type Horizon = {
      horizon: string;
      wape: number;
      mape: number;
      stageWeightsWape: number;
      plansWape: number | null;
      coverage: number;
    };
    const next3 = (r.body.horizons as Horizon[]).find((x) => x.horizon === 'next_3_months')!;
    expect(next3.wape).toBeGreaterThanOrEqual(0);
    expect(next3.mape).toBeGreaterThanOrEqual(0);
    expect(next3.wape).toBeLessThan(next3.stageWeightsWape);
    // No plan was entered for those months: no plans baseline, rather than a plan of zero.
    expect(next3.plansWape).toBeNull();
    expect(next3.coverage).toBeGreaterThanOrEqual(0);
    expect(next3.coverage).toBeLessThanOrEqual(1);

    // With the plans entered for arrivals at the contract stage, they are the third baseline.
    expect(
      (
        await h.call('headA', 'PUT', '/plans', {
          period: '2026-03',
          salespersonId: h.people.sellerA2.userId,
          stages: { contract: 40 },
        })
      ).status,
    ).toBe(200);
    const planned = await h.call('headA', 'GET', `/analytics/forecast/backtest?asOf=${AS_OF}&origins=6`);
    const plansNext3 = (planned.body.horizons as Horizon[]).find((x) => x.horizon === 'next_3_months')!;
    expect(plansNext3.plansWape).toBeGreaterThan(0);

    const short = await h.call('owner', 'GET', '/analytics/forecast/backtest?asOf=2025-12-15');
    expect(short.status).toBe(200);
    expect(short.body).toMatchObject({ origins: 0, originDates: [], reason: 'history_too_short', horizons: [] });
    expect(short.body.message).toContain('three months');
  });
});
