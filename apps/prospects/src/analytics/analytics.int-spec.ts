import { Clock } from '@dealgate/common';
import type { FunnelReport } from './report.service';
import { percentile } from '@dealgate/domain';
import { AnalyticsHarness, startAnalytics } from '../../test/analytics/analytics-harness';
import { GeneratedProspect, STAGES, generateFunnel, insertFunnel } from '../../test/analytics/funnel-generator';
import { cohortTruth, lostTruth, reachedTruth, stayTruth } from '../../test/analytics/funnel-truth';

// A generated funnel whose true answers come from plain loops over the generator's rows (funnel-truth.ts).
describe('funnel analytics on a generated data set', () => {
  let h: AnalyticsHarness;
  let prospects: GeneratedProspect[];
  const FEB = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };
  const feb = 'from=2026-02-01&to=2026-03-01';

  beforeAll(async () => {
    h = await startAnalytics();
    const sellers = [h.people.sellerA, h.people.sellerA2, h.people.sellerB].map((p) => ({
      userId: p.userId,
      unitId: p.unitId,
    }));
    prospects = generateFunnel(240, new Date('2026-01-05T08:00:00Z'), sellers, h.productLineIds);
    await insertFunnel(h.db.url, prospects);
  });
  afterAll(async () => {
    await h?.stop();
  });

  function expectFunnel(body: FunnelReport, filter: Parameters<typeof reachedTruth>[3] = {}, period = FEB) {
    const reached = reachedTruth(prospects, period.from, period.to, filter);
    expect(Object.fromEntries(body.stages.map((s) => [s.stage, s.reached]))).toEqual(reached);
    const { lost, won } = lostTruth(prospects, period.from, period.to, filter);
    const got = new Map<string, number>();
    for (const l of body.lostByReason) {
      for (const stage of STAGES) if (l.byStage[stage] > 0) got.set(`${stage}:${l.reason}`, l.byStage[stage]);
    }
    expect(got).toEqual(lost);
    expect(body.won).toBe(won);
  }

  it('reports reached per stage (first entries), lost by reason and stage, and won, as the generator says', async () => {
    const r = await h.call('owner', 'GET', `/analytics/funnel?${feb}`);
    expect(r.status).toBe(200);
    expectFunnel(r.body);
    expect(r.body.stages[0].reached).toBeGreaterThan(50);
    const conv = r.body.conversions[1];
    expect(conv.rate).toBeCloseTo(conv.toCount / conv.fromCount);
  });

  it('adds whole months and edge days for periods that do not start or end on a month', async () => {
    for (const [from, to] of [
      ['2026-01-20', '2026-03-10'],
      ['2026-02-03', '2026-02-17'],
      ['2026-01-01', '2026-04-01'],
    ]) {
      const r = await h.call('owner', 'GET', `/analytics/funnel?from=${from}&to=${to}`);
      const period = { from: new Date(`${from}T00:00:00Z`), to: new Date(`${to}T00:00:00Z`) };
      expectFunnel(r.body, { ownerId: undefined }, period);
    }
  });

  it('narrows to a unit, a salesperson and a product line', async () => {
    const { sellerA } = h.people;
    const r = await h.call('owner', 'GET', `/analytics/funnel?${feb}&salespersonId=${sellerA.userId}`);
    expectFunnel(r.body, { ownerId: sellerA.userId });
    const u = await h.call('headA', 'GET', `/analytics/funnel?${feb}&productLineId=${h.productLineIds[1]}`);
    expectFunnel(u.body, { unitId: h.unitA, productLineId: h.productLineIds[1] });
  });

  it('lets a salesperson see only their own figures and a head only their unit; the admin sees none', async () => {
    const own = await h.call('sellerA', 'GET', `/analytics/funnel?${feb}`);
    expectFunnel(own.body, { ownerId: h.people.sellerA.userId });
    expect(
      (await h.call('sellerA', 'GET', `/analytics/funnel?${feb}&salespersonId=${h.people.sellerB.userId}`)).status,
    ).toBe(404);
    expect((await h.call('headA', 'GET', `/analytics/funnel?${feb}&unitId=${h.unitB}`)).status).toBe(404);
    expect(
      (await h.call('headA', 'GET', `/analytics/funnel?${feb}&salespersonId=${h.people.sellerB.userId}`)).status,
    ).toBe(404);
    expect((await h.call('admin', 'GET', `/analytics/funnel?${feb}`)).status).toBe(403);
  });

  it('lists the prospects behind each funnel figure (GET /prospects?funnelEvent=...), as many as the figure says', async () => {
    const drill = async (who: 'owner' | 'headA', query: string) => {
      const r = await h.call(who, 'GET', `/prospects?${feb}&limit=1&${query}`);
      expect({ query, status: r.status }).toEqual({ query, status: 200 });
      return r.body.total as number;
    };
    const { sellerA } = h.people;
    for (const [who, filter, scope] of [
      ['owner', {}, ''],
      ['owner', { ownerId: sellerA.userId }, `&salespersonId=${sellerA.userId}`],
      ['headA', { unitId: h.unitA }, ''],
    ] as const) {
      const reached = reachedTruth(prospects, FEB.from, FEB.to, filter);
      for (const stage of STAGES) {
        expect([stage, await drill(who, `funnelEvent=reached&funnelStage=${stage}${scope}`)]).toEqual([
          stage,
          reached[stage],
        ]);
      }
      const { lost, won } = lostTruth(prospects, FEB.from, FEB.to, filter);
      const [key, count] = [...lost.entries()][0];
      const [stage, reason] = key.split(':');
      expect(await drill(who, `funnelEvent=lost&funnelStage=${stage}&lostReason=${reason}${scope}`)).toBe(count);
      expect(await drill(who, `funnelEvent=won${scope}`)).toBe(won);
    }
    const other = await h.call(
      'headA',
      'GET',
      `/prospects?${feb}&funnelEvent=reached&funnelStage=sampling&unitId=${h.unitB}`,
    );
    expect(other.body.total).toBe(0);
    const missing = await h.call('owner', 'GET', '/prospects?funnelEvent=reached');
    expect(missing.status).toBe(400);
    expect((missing.body.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      'from',
      'funnelStage',
      'to',
    ]);
  });

  it('answers 400 naming a bad field and 422 for a period that ends before it starts', async () => {
    const bad = await h.call('owner', 'GET', '/analytics/funnel?from=2026-13-01&to=2026-03-01');
    expect(bad.status).toBe(400);
    expect((bad.body.fields as { field: string }[]).map((f) => f.field)).toContain('from');
    const reversed = await h.call('owner', 'GET', '/analytics/funnel?from=2026-03-01&to=2026-02-01');
    expect(reversed.status).toBe(422);
    expect(reversed.body.code).toBe('analytics.invalid_period');
  });

  it('gives the cohort table of entries into primary contact by month, for all and for one salesperson', async () => {
    for (const ownerId of [undefined, h.people.sellerA.userId]) {
      const filter = ownerId ? `&salespersonId=${ownerId}` : '';
      const r = await h.call('owner', 'GET', `/analytics/cohorts?fromMonth=2026-01&toMonth=2026-04${filter}`);
      expect(r.status).toBe(200);
      const truth = cohortTruth(prospects, ownerId);
      expect(r.body).toHaveLength(4);
      for (const row of r.body) {
        const t = truth.get(row.cohortMonth) ?? { entered: 0, reached: {} };
        expect(row.entered).toBe(t.entered);
        for (const stage of STAGES.slice(2)) expect(row.reached[stage]).toBe(t.reached[stage] ?? 0);
      }
    }
  });

  it('gives median and p90 time in stage per product line equal to the domain percentile of the true stays', async () => {
    const r = await h.call('owner', 'GET', `/analytics/time-in-stage?${feb}`);
    expect(r.status).toBe(200);
    const truth = stayTruth(prospects, FEB.from, FEB.to);
    for (const line of r.body) {
      const durations = truth.get(`${line.productLineId}:${line.stage}`) ?? [];
      expect(line.count).toBe(durations.length);
      if (durations.length === 0) expect(line.medianDays).toBeNull();
      else {
        expect(line.medianDays).toBeCloseTo(percentile(durations, 0.5)!, 6);
        expect(line.p90Days).toBeCloseTo(percentile(durations, 0.9)!, 6);
      }
    }
    expect(truth.size).toBeGreaterThan(5);
  });

  it('keeps the aggregates equal to a rebuild from the raw log (trigger and rebuild agree)', async () => {
    const before = await h.call('owner', 'GET', `/analytics/funnel?${feb}`);
    const cohorts = `/analytics/cohorts?fromMonth=2026-01&toMonth=2026-04&salespersonId=${h.people.sellerB.userId}`;
    const cohortsBefore = await h.call('owner', 'GET', cohorts);
    const timesBefore = await h.call('owner', 'GET', `/analytics/time-in-stage?${feb}`);
    await h.dataSource.query('SELECT analytics_rebuild()');
    expect((await h.call('owner', 'GET', `/analytics/funnel?${feb}`)).body).toEqual(before.body);
    expect((await h.call('owner', 'GET', cohorts)).body).toEqual(cohortsBefore.body);
    expect((await h.call('owner', 'GET', `/analytics/time-in-stage?${feb}`)).body).toEqual(timesBefore.body);
  });

  it('exports every report as text/csv with its header row', async () => {
    const reports: [string, string][] = [
      [`/analytics/funnel?${feb}`, 'section,stage,reason,count,rate'],
      ['/analytics/cohorts?fromMonth=2026-01&toMonth=2026-02', 'cohort_month,entered,reached_needs_identification'],
      [`/analytics/time-in-stage?${feb}`, 'product_line_id,product_line,stage,limit_days,stays,median_days,p90_days'],
      ['/analytics/norms?month=2026-02', 'salesperson_id,unit_id,month,norm,value,min,max,status,breach'],
      ['/analytics/early-warnings?limit=50', 'salesperson_id,unit_id,rule,window_from,window_to,prospects_worked'],
      ['/plans/report?fromMonth=2026-02&toMonth=2026-02', 'key,stage,plan,fact,variance,percent_of_plan'],
    ];
    for (const [path, header] of reports) {
      const r = await h.call('owner', 'GET', `${path}&format=csv`);
      expect({ path, status: r.status, type: r.type }).toEqual({ path, status: 200, type: 'text/csv; charset=utf-8' });
      expect(r.text.startsWith(header)).toBe(true);
      expect(r.text.endsWith('\r\n')).toBe(true);
    }
  });

  it('lists stalled prospects over their line limit, and exports them as formula-safe CSV', async () => {
    const now = new Date('2026-06-01T00:00:00Z');
    jest.spyOn(h.app.get(Clock), 'now').mockReturnValue(now);
    const limits = new Map(
      (
        await h.dataSource.query<{ id: string; stage_limit_days: Record<string, number> }[]>(
          'SELECT id, stage_limit_days FROM product_line',
        )
      ).map((r) => [r.id, r.stage_limit_days]),
    );
    const stalled = prospects.filter(
      (p) =>
        p.status === 'active' &&
        p.stageEnteredAt.getTime() + limits.get(p.productLineId)![p.stage] * 86_400_000 < now.getTime(),
    );
    const r = await h.call('owner', 'GET', '/analytics/stalled?limit=200');
    expect(r.body.total).toBe(stalled.length);
    expect(new Set((r.body.items as { prospectId: string }[]).map((i) => i.prospectId))).toEqual(
      new Set(stalled.slice(0, 200).map((p) => p.id)),
    );
    const csv = await h.call('owner', 'GET', '/analytics/stalled?limit=5&format=csv');
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'prospect_id,company,owner_id,unit_id,stage,entered_at,limit_days,days_in_stage,days_over',
    );
    expect(csv.text).toContain(",'=Company ");
  });
});
