import { LogEvent, forecastSignings, logAsOf, monthsThroughNextQuarter } from '@dealgate/domain';
import { generateCompany } from '../../../../tools/synthetic/company-generator';
import { parseCompanyFlags } from '../../../../tools/synthetic/company-params';
import { AnalyticsHarness, startAnalytics } from '../../test/analytics/analytics-harness';
import { insertFunnel } from '../../test/analytics/funnel-generator';
import { companyProspects, placeSellers } from '../../test/analytics/synthetic-company';

interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}
type Period = { key: string; count: Quantiles; arrivals: { stage: string; count: Quantiles }[] };

// A generated company (tools/synthetic: the benchmark's generator, small flags) written into the prospects schema:
// three salespeople in two units, a year of history, three product lines. The forecast the endpoint answers must be
// the library's forecast of the same log, and a salesperson sees only their own.
const FLAGS = [
  ['--seed', '3'],
  ['--salespeople', '3'],
  ['--units', '2'],
  ['--months', '12'],
  ['--origins', '1'],
  ['--meetings', '15'],
  ['--weak-share', '0'],
  ['--cycles', 'software:120-150,supplies:30-60,professional_services:60-120'],
].flat();

describe('the forecast over a generated company loaded into PostgreSQL', () => {
  const company = generateCompany(parseCompanyFlags(FLAGS).params);
  const asOf = company.origins[0];
  let h: AnalyticsHarness;
  let events: LogEvent[];
  let lines: { id: string; cycleMinDays: number; cycleMaxDays: number }[];
  let generatedSellerOf: Map<string, string>;

  beforeAll(async () => {
    h = await startAnalytics();
    const dbLines = await h.dataSource.query<
      { id: string; code: string; cycle_min_days: number; cycle_max_days: number }[]
    >('SELECT id, code, cycle_min_days, cycle_max_days FROM product_line ORDER BY id');
    const { sellerA, sellerA2, sellerB, idle } = h.people;
    const sellers = placeSellers(company, [
      { unitId: sellerA.unitId, people: [sellerA.userId, sellerA2.userId] },
      { unitId: sellerB.unitId, people: [sellerB.userId, idle.userId] },
    ]);
    generatedSellerOf = new Map([...sellers].map(([generated, s]) => [s.userId, generated]));
    const prospects = companyProspects(company, { sellers, lineIds: new Map(dbLines.map((l) => [l.code, l.id])) });
    await insertFunnel(h.db.url, prospects);
    // The same log as the service reads it: the rows written, in time order, with no offer values (none was written).
    events = prospects
      .flatMap((p) => p.rows)
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((r) => ({ ...r, toStatus: r.toStatus as LogEvent['toStatus'], valueMinor: null }));
    lines = dbLines.map((l) => ({ id: l.id, cycleMinDays: l.cycle_min_days, cycleMaxDays: l.cycle_max_days }));
  }, 120_000);
  afterAll(async () => {
    await h?.stop();
  });

  const library = (scope?: (d: { ownerId: string | null }) => boolean) =>
    forecastSignings(events, lines, asOf, {
      runs: 500,
      seed: 1,
      months: monthsThroughNextQuarter(asOf),
      stageArrivals: true,
      contractDue: [],
      scope,
    });

  it("answers the library's forecast of the loaded log, with 80 % intervals, for every period and stage", async () => {
    const r = await h.call('owner', 'GET', `/analytics/forecast?asOf=${asOf.toISOString()}&limit=100`);
    expect(r.status).toBe(200);
    const expected = library();
    const periods = r.body.periods as Period[];
    expect(periods.map((p) => p.key)).toEqual(expected.periods.map((p) => p.key));
    for (const p of periods) {
      expect(p.count).toEqual(expected.lines.find((l) => l.kind === 'all' && l.period === p.key)!.count);
      for (const a of p.arrivals)
        expect(a.count).toEqual(
          expected.arrivals.find((x) => x.kind === 'all' && x.period === p.key && x.stage === a.stage)!.count,
        );
    }
    // A real interval around a few dozen signatures a quarter, not a point.
    const quarter = periods.find((p) => p.key.includes('-Q'))!;
    expect(quarter.count.p10).toBeLessThan(quarter.count.p50);
    expect(quarter.count.p50).toBeLessThan(quarter.count.p90);
    expect(quarter.count.mean).toBeGreaterThan(5);
    // Every deal the generated log has open at the as-of time, most likely first.
    expect(r.body.deals.total).toBe(logAsOf(company.events, asOf).open.length);
  });

  it('gives a salesperson only their own deals and forecast, and refuses another salesperson', async () => {
    const mine = await h.call('sellerA', 'GET', `/analytics/forecast?asOf=${asOf.toISOString()}&limit=100`);
    expect(mine.status).toBe(200);
    const me = h.people.sellerA.userId;
    const generatedMe = generatedSellerOf.get(me)!;
    const ownOpen = logAsOf(company.events, asOf).open.filter((s) => s.ownerId === generatedMe);
    expect(mine.body.deals.total).toBe(ownOpen.length);
    expect((mine.body.deals.items as { ownerId: string }[]).every((d) => d.ownerId === me)).toBe(true);
    const expected = library((d) => d.ownerId === me);
    for (const p of mine.body.periods as Period[])
      expect(p.count).toEqual(expected.lines.find((l) => l.kind === 'all' && l.period === p.key)!.count);
    const owner = await h.call('owner', 'GET', `/analytics/forecast?asOf=${asOf.toISOString()}`);
    const next3 = (body: { periods: Period[] }) => body.periods.find((p) => p.key === 'next_3_months')!.count.mean;
    expect(next3(mine.body)).toBeLessThan(next3(owner.body));
    const other = await h.call('sellerA', 'GET', `/analytics/forecast?salespersonId=${h.people.sellerB.userId}`);
    expect(other.status).toBe(404);
  });

  it("answers one unit's forecast over the year of history, timed", async () => {
    const path = `/analytics/forecast?asOf=${asOf.toISOString()}&unitId=${h.people.sellerA.unitId}`;
    await h.call('owner', 'GET', path);
    const started = performance.now();
    const r = await h.call('owner', 'GET', path);
    console.log(
      `GET /analytics/forecast, one unit, ${events.length} log rows over a year: ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(r.status).toBe(200);
    expect(r.body.scope.unitId).toBe(h.people.sellerA.unitId);
  });
});
