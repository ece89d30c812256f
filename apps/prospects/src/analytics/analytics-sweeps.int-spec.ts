import { randomUUID } from 'node:crypto';
import { Clock } from '@dealgate/common';
import { JobName } from '@dealgate/messages';
import { AnalyticsHarness, startAnalytics } from '../../test/analytics/analytics-harness';
import { GeneratedProspect, generateFunnel, insertFunnel } from '../../test/analytics/funnel-generator';
import { normFactsTruth, reachedTruth } from '../../test/analytics/funnel-truth';
import { EarlyWarningSweep, NormSweep, StallSweep } from './analytics.sweeps';

// Plans, norms and the three sweeps on a generated funnel: each notice goes out exactly once.
describe('plans, norms and analytics sweeps', () => {
  let h: AnalyticsHarness;
  let prospects: GeneratedProspect[];
  const FEB = { from: new Date('2026-02-01T00:00:00Z'), to: new Date('2026-03-01T00:00:00Z') };

  beforeAll(async () => {
    h = await startAnalytics();
    const sellers = [h.people.sellerA, h.people.sellerA2, h.people.sellerB].map((p) => ({
      userId: p.userId,
      unitId: p.unitId,
    }));
    prospects = generateFunnel(150, new Date('2026-01-05T08:00:00Z'), sellers, h.productLineIds);
    await insertFunnel(h.db.url, prospects);
  });
  afterAll(async () => {
    await h?.stop();
  });

  it('records plans for own and unit salespeople only, and reports plan, fact and variance', async () => {
    const { sellerA, sellerB } = h.people;
    const plan = { period: '2026-02', stages: { needs_identification: 10, offer_formation: 6, contract: 2 } };
    expect((await h.call('sellerA', 'PUT', '/plans', { ...plan, salespersonId: sellerA.userId })).status).toBe(200);
    expect((await h.call('sellerA', 'PUT', '/plans', { ...plan, salespersonId: sellerB.userId })).status).toBe(404);
    expect((await h.call('headA', 'PUT', '/plans', { ...plan, salespersonId: sellerB.userId })).status).toBe(404);
    const bad = await h.call('headA', 'PUT', '/plans', {
      ...plan,
      salespersonId: sellerA.userId,
      stages: { contract: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('stages.contract');

    const r = await h.call('headA', 'GET', '/plans/report?fromMonth=2026-02&toMonth=2026-02&limit=200');
    expect(r.status).toBe(200);
    const truth = reachedTruth(prospects, FEB.from, FEB.to, { ownerId: sellerA.userId });
    const mine = (
      r.body.items as { key: string; stage: string; plan: number; fact: number; variance: number }[]
    ).filter((row) => row.key === sellerA.userId);
    const line = (stage: string) => mine.find((row) => row.stage === stage);
    expect(line('needs_identification')).toMatchObject({ plan: 10, fact: truth.needs_identification });
    expect(line('needs_identification')!.variance).toBe(truth.needs_identification - 10);
    expect(line('contract')).toMatchObject({ plan: 2, fact: truth.contract });
    // The head sees only unit A's salespeople.
    expect((r.body.items as { key: string }[]).every((row) => row.key !== sellerB.userId)).toBe(true);
    const csv = await h.call('headA', 'GET', '/plans/report?fromMonth=2026-02&toMonth=2026-02&format=csv');
    expect(csv.text.split('\r\n')[0]).toBe('key,stage,plan,fact,variance,percent_of_plan');
  });

  it('measures each salesperson against each norm from meetings, briefs and signed contracts', async () => {
    const r = await h.call('owner', 'GET', '/analytics/norms?month=2026-02');
    expect(r.status).toBe(200);
    const truth = normFactsTruth(prospects, FEB.from, FEB.to);
    for (const seller of [h.people.sellerA, h.people.sellerB]) {
      const t = truth.get(seller.userId)!;
      const lines = (r.body.items as { salespersonId: string; norm: string; value: number | null }[]).filter(
        (l) => l.salespersonId === seller.userId,
      );
      expect(lines.find((l) => l.norm === 'meetings_held')!.value).toBe(t.meetings);
      expect(lines.find((l) => l.norm === 'briefs_per_meeting_held')!.value).toBeCloseTo(t.briefs / t.meetings);
      expect(lines.find((l) => l.norm === 'contracts_per_meeting_held')!.value).toBeCloseTo(t.won / t.meetings);
    }
    // The idle salesperson held no meetings: below the meetings norm, no data for the rates.
    const idle = (r.body.items as { salespersonId: string; norm: string; status: string }[]).filter(
      (l) => l.salespersonId === h.people.idle.userId,
    );
    expect(idle.map((l) => l.status)).toEqual(['below', 'no_data', 'no_data']);
  });

  it('lets the admin change a norm (versioned) and emits norm.breached once per salesperson, norm and month', async () => {
    const settings = await h.call('admin', 'GET', '/analytics/settings/norms');
    const meetings = (settings.body as { norm: string; version: number }[]).find((n) => n.norm === 'meetings_held')!;
    const body = { min: 5, minExclusive: false, max: 45, flagAbove: false, version: meetings.version };
    expect((await h.call('sellerA', 'PUT', '/analytics/settings/norms/meetings_held', body)).status).toBe(403);
    expect((await h.call('admin', 'PUT', '/analytics/settings/norms/meetings_held', body)).status).toBe(200);
    expect((await h.call('admin', 'PUT', '/analytics/settings/norms/meetings_held', body)).status).toBe(409);

    const sweep = h.app.get(NormSweep);
    await sweep.run(new Date('2026-03-03T00:00:00Z'));
    await sweep.run(new Date('2026-03-20T00:00:00Z'));
    // The service's own scheduled run (at the real clock) may add breaches of another month: look at February's.
    const breaches = (await h.outbox(JobName.NormBreached)).filter((b) => b.period === '2026-02');
    const keys = breaches.map((b) => `${String(b.salespersonId)}:${String(b.norm)}`);
    expect(new Set(keys).size).toBe(keys.length);
    const report = await h.call('owner', 'GET', '/analytics/norms?month=2026-02');
    const expected = (report.body.items as { breach: boolean }[]).filter((l) => l.breach).length;
    expect(breaches).toHaveLength(expected);
    expect(breaches).toContainEqual(
      expect.objectContaining({ salespersonId: h.people.idle.userId, norm: 'meetings_held', value: 0, min: 5 }),
    );
  });

  it('tells the owner and head of each stalled prospect once per stall', async () => {
    const sweep = h.app.get(StallSweep);
    const now = new Date('2026-06-01T00:00:00Z');
    await sweep.run(now);
    await sweep.run(now);
    const stalled = await h.outbox(JobName.ProspectStalled);
    const listed = await h.call('owner', 'GET', '/analytics/stalled?limit=1');
    expect(stalled.length).toBeGreaterThan(0);
    // The list answers at the service clock (now), later than June, so it holds at least the June stalls.
    expect(listed.body.total).toBeGreaterThanOrEqual(stalled.length);
    expect(new Set(stalled.map((s) => s.prospectId)).size).toBe(stalled.length);
    await sweep.run(new Date('2026-07-01T00:00:00Z'));
    const again = await h.outbox(JobName.ProspectStalled);
    expect(again.length).toBeGreaterThanOrEqual(stalled.length);
    expect(new Set(again.map((s) => s.prospectId)).size).toBe(again.length);
  });

  it('flags "N prospects worked and no brief in M days" with evidence, and raises it once per window', async () => {
    const rule = { kind: 'prospects_without_brief', minProspectsWorked: 3, windowDays: 30, active: true };
    expect((await h.call('admin', 'PUT', '/analytics/settings/early-warning-rules/quiet-seller', rule)).status).toBe(
      200,
    );
    expect((await h.call('admin', 'PUT', '/analytics/settings/early-warning-rules/quiet-seller', rule)).status).toBe(
      409,
    );
    const bad = await h.call('owner', 'PUT', '/analytics/settings/early-warning-rules/quiet-seller', {
      ...rule,
      windowDays: 0,
    });
    expect(bad.status).toBe(400);
    const rules = await h.call('sellerA', 'GET', '/analytics/settings/early-warning-rules?limit=1');
    // The two seeded rules (the CUSUM first by id) and this one.
    expect(rules.body).toMatchObject({
      total: 3,
      limit: 1,
      items: [{ id: 'brief_cusum', kind: 'brief_cusum', windowDays: 90, threshold: 10, active: true }],
    });
    // The idle salesperson calls three prospects recently and writes no brief.
    const now = new Date();
    for (const p of prospects.slice(0, 3)) {
      await h.dataSource.query(
        `INSERT INTO contact_attempt (prospect_id, channel, outcome, at, actor_id, stage) VALUES ($1, 'phone', 'no_answer', $2, $3, 'primary_contact')`,
        [p.id, new Date(now.getTime() - 86_400_000), h.people.idle.userId],
      );
    }
    const r = await h.call('owner', 'GET', '/analytics/early-warnings');
    const flagged = (
      r.body.items as { salespersonId: string; ruleId: string; evidence: { prospectsWorked: number; briefs: number } }[]
    ).filter((w) => w.ruleId === 'quiet-seller');
    expect(flagged).toEqual([
      expect.objectContaining({
        salespersonId: h.people.idle.userId,
        evidence: expect.objectContaining({ prospectsWorked: 3, briefs: 0 }),
      }),
    ]);
    expect((await h.call('sellerA', 'GET', '/analytics/early-warnings')).body.items).toEqual([]);

    const sweep = h.app.get(EarlyWarningSweep);
    await sweep.run(now);
    await sweep.run(new Date(now.getTime() + 60_000));
    const raised = await h.outbox(JobName.EarlyWarningRaised);
    expect(raised.filter((w) => w.rule === 'quiet-seller')).toHaveLength(1);
  });

  it('flags by the brief CUSUM a salesperson whose briefs stop, not a steady one, within what each role sees', async () => {
    const DAY = 86_400_000;
    // Far after the generated funnel, so only the meetings below fall in the CUSUM's 270 days.
    const now = new Date('2030-06-01T00:00:00Z');
    const watchFrom = now.getTime() - 90 * DAY;
    const held = (seller: { userId: string; unitId: string }, at: number, brief: boolean): GeneratedProspect => {
      const id = randomUUID();
      const place = { unitId: seller.unitId, productLineId: h.productLineIds[0] };
      const entered = { prospectId: id, ...place, eventKind: 'sample_approved', lostReason: null, ownerId: null };
      const row = { ...entered, fromStage: 'sampling', toStage: 'primary_contact', fromStatus: 'active' } as const;
      return {
        id,
        ownerId: seller.userId,
        ...place,
        rows: [{ ...row, toStatus: 'active', at: new Date(at) }],
        meetingHeldAt: new Date(at),
        briefAt: brief ? new Date(at) : null,
        stage: 'primary_contact',
        status: 'active',
        stageEnteredAt: new Date(at),
      };
    };
    const { sellerA2: steady, sellerB: weak, sellerA: surge } = h.people;
    const seeded: GeneratedProspect[] = [];
    // The day before the window (the baseline's last, in the lead-in of the pace): 60 meetings, 30 briefed, share
    // (30 + 5) / (60 + 10) = 0.5. One dry meeting on the first watched day: its pace is 61 meetings over 2 active
    // days, μ = 0.5 × 30.5 = 15.25, evidence 15.25 × 0.75 = 11.44 (that day's own meeting alone would give 0.375).
    for (let k = 0; k < 60; k++) seeded.push(held(surge, watchFrom - DAY / 2, k % 2 === 0));
    seeded.push(held(surge, watchFrom + DAY / 2, false));
    for (const seller of [steady, weak] as { userId: string; unitId: string }[]) {
      // Baseline: 36 meetings, every other one briefed: (18 + 5) / (36 + 10) = 0.5, the share shrunk to 50 %.
      for (let k = 0; k < 36; k++)
        seeded.push(held(seller, watchFrom - 180 * DAY + k * 5 * DAY + DAY / 2, k % 2 === 0));
      // Watched 90 days: a meeting every 2 days. Every active day (baseline too) holds one meeting, so the pace is 1
      // and μ = 0.5 on a meeting day, 0 between. The weak one's briefs stop after day 28: 30 dry meetings then,
      // each adding 0.5 × (1 − 0.25) = 0.375, 11.25 in all (a briefed day takes 0.375 − ln 4 < 0: back to 0).
      for (let k = 0; k < 45; k++) {
        const briefed = k % 2 === 0 && (seller === steady || k < 15);
        seeded.push(held(seller, watchFrom + k * 2 * DAY + DAY / 2, briefed));
      }
    }
    await insertFunnel(h.db.url, seeded);
    const clock = jest.spyOn(h.app.get(Clock), 'now').mockReturnValue(now);
    try {
      type Warning = { salespersonId: string; kind: string; reason: string; evidence: { cusum: unknown } };
      const cusumOf = async (who: 'owner' | 'headA' | 'sellerA2' | 'sellerB', query = '') => {
        const r = await h.call(who, 'GET', `/analytics/early-warnings?limit=200${query}`);
        expect(r.status).toBe(200);
        return (r.body.items as Warning[]).filter((w) => w.kind === 'brief_cusum');
      };
      const all = await cusumOf('owner');
      expect(all.map((w) => w.salespersonId).sort()).toEqual([weak.userId, surge.userId].sort());
      const [late] = all.filter((w) => w.salespersonId === surge.userId);
      expect(late.evidence.cusum).toEqual({
        baselineShare: 0.5,
        meetings: 1,
        briefs: 0,
        expectedBriefs: 15.25,
        statistic: 11.4375,
        threshold: 10,
        since: new Date(watchFrom).toISOString(),
      });
      const stopped = all.find((w) => w.salespersonId === weak.userId)!;
      expect(stopped.reason).toBe(
        `briefs well below this person's usual share since 2030-04-02: evidence 11.3 of 10` +
          ' (8 briefs from 45 meetings held in the last 90 days, where their usual 50 % predicts 22.5)',
      );
      expect(stopped.evidence.cusum).toEqual({
        baselineShare: 0.5,
        meetings: 45,
        briefs: 8,
        expectedBriefs: 22.5,
        statistic: 11.25,
        threshold: 10,
        since: new Date(watchFrom + 30 * DAY).toISOString(),
      });
      // Each salesperson sees only their own warning, the head of unit A their unit's (the surge) and none of B's.
      expect((await cusumOf('sellerB')).map((w) => w.salespersonId)).toEqual([weak.userId]);
      expect(await cusumOf('sellerA2')).toEqual([]);
      expect((await cusumOf('headA')).map((w) => w.salespersonId)).toEqual([surge.userId]);
      expect((await h.call('sellerA2', 'GET', `/analytics/early-warnings?salespersonId=${weak.userId}`)).status).toBe(
        404,
      );
      expect((await h.call('headA', 'GET', `/analytics/early-warnings?unitId=${weak.unitId}`)).status).toBe(404);
      const csv = await h.call('owner', 'GET', '/analytics/early-warnings?limit=200&format=csv');
      expect(csv.text).toContain("briefs well below this person's usual share since 2030-04-02");

      // The admin switches the rule off (the threshold is required for this kind) and nobody is flagged by it.
      const rules = await h.call('admin', 'GET', '/analytics/settings/early-warning-rules?limit=50');
      const cusum = (rules.body.items as { id: string; version: number }[]).find((r) => r.id === 'brief_cusum')!;
      const off = { kind: 'brief_cusum', minProspectsWorked: 0, windowDays: 90, active: false, version: cusum.version };
      const bad = await h.call('admin', 'PUT', '/analytics/settings/early-warning-rules/brief_cusum', off);
      expect(bad.status).toBe(400);
      expect((bad.body.fields as { field: string }[]).map((f) => f.field)).toEqual(['threshold']);
      const saved = await h.call('admin', 'PUT', '/analytics/settings/early-warning-rules/brief_cusum', {
        ...off,
        threshold: 10,
      });
      expect(saved.body).toMatchObject({ kind: 'brief_cusum', threshold: 10, active: false });
      expect(await cusumOf('owner')).toEqual([]);
    } finally {
      clock.mockRestore();
    }
  });
});
