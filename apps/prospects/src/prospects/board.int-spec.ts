/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { ProspectsHarness, startProspects } from '../../test/prospects-harness';
import { approvedProspects } from '../../test/funnel-walk';

// Jest applies only the global testTimeout (the integration project's 60 s is not read): booting a service under
// load takes longer than the default 5 s.
jest.setTimeout(60_000);

// One service and one database for the file: unit A's prospects on the board, the detail view and its checklist.
describe('prospects service: board and detail', () => {
  let h: ProspectsHarness;
  const ids: Record<string, string> = {};

  const column = (body: any, stage: string) => body.columns.find((c: any) => c.stage === stage);
  const backdate = (id: string, days: number) =>
    h.dataSource.query(`UPDATE prospect SET stage_entered_at = now() - make_interval(days => $2) WHERE id = $1`, [
      id,
      days,
    ]);

  async function assign(id: string, who: 'sellerA' | 'sellerA2') {
    const p = (await h.call('headA', 'GET', `/prospects/${id}`)).body;
    await h.call('headA', 'POST', `/prospects/${id}/assign`, { version: p.version, ownerId: h.people[who].userId });
  }

  async function decisionMaker(id: string) {
    return (
      await h.call('sellerA', 'POST', `/prospects/${id}/contacts`, {
        name: 'Dana Moss',
        position: 'COO',
        isDecisionMaker: true,
        decisionReason: 'Signs supply contracts',
      })
    ).body.id as string;
  }

  beforeAll(async () => {
    h = await startProspects();
    const { prospects } = await approvedProspects(h, [
      { name: 'Alpha Mills' },
      { name: 'Beta Bakery' },
      { name: 'Gamma Glass' },
      { name: 'Delta Dairy' },
    ]);
    for (const p of prospects) ids[p.companyName.split(' ')[0].toLowerCase()] = p.id;
    await assign(ids.alpha, 'sellerA');
    await assign(ids.beta, 'sellerA');
    await assign(ids.gamma, 'sellerA2');
    // Alpha reaches needs identification: a meeting scheduled with a decision-maker.
    const contactId = await decisionMaker(ids.alpha);
    await h.call('sellerA', 'POST', `/prospects/${ids.alpha}/meetings`, {
      contactId,
      scheduledAt: '2026-06-15T09:30:00Z',
    });
    // Beta has its decision-maker but no meeting yet, and sits far beyond the 21-day limit.
    await decisionMaker(ids.beta);
    await backdate(ids.beta, 40);
  });

  afterAll(async () => {
    await h?.stop();
  });

  it("counts a salesperson's own active prospects per stage, every stage in funnel order", async () => {
    const board = await h.call('sellerA', 'GET', '/prospects/board');
    expect(board.status).toBe(200);
    expect(board.body.columns.map((c: any) => [c.stage, c.count])).toEqual([
      ['sampling', 0],
      ['primary_contact', 1],
      ['needs_identification', 1],
      ['offer_formation', 0],
      ['offer_defence', 0],
      ['contract', 0],
    ]);
  });

  it("gives a sales head the unit's prospects, assigned or not, and another head none of them", async () => {
    const head = await h.call('headA', 'GET', '/prospects/board');
    expect(column(head.body, 'primary_contact').count).toBe(3);
    expect(column(head.body, 'needs_identification').count).toBe(1);
    const other = await h.call('headB', 'GET', '/prospects/board');
    expect(other.body.columns.every((c: any) => c.count === 0 && c.items.length === 0)).toBe(true);
  });

  it('summarises the gate of each card with the first missing result', async () => {
    const board = await h.call('sellerA', 'GET', '/prospects/board');
    const beta = column(board.body, 'primary_contact').items[0];
    expect(beta).toMatchObject({
      id: ids.beta,
      companyName: 'Beta Bakery',
      status: 'active',
      ownerId: h.people.sellerA.userId,
      stageLimitDays: 21,
      daysInStage: 40,
      stalled: true,
      gate: { met: 1, total: 2, missing: { code: 'decision_maker_meeting_scheduled', met: false } },
    });
    const alpha = column(board.body, 'needs_identification').items[0];
    expect(alpha).toMatchObject({ id: ids.alpha, stalled: false, daysInStage: 0 });
    expect(alpha.gate).toEqual({ met: 0, total: 9, missing: { code: 'meeting_held', met: false } });
  });

  it('filters by company name in any case and by stalled, counting only what matches', async () => {
    const byName = await h.call('headA', 'GET', '/prospects/board?q=gAMMA');
    expect(column(byName.body, 'primary_contact')).toMatchObject({ count: 1, items: [{ id: ids.gamma }] });
    const stalled = await h.call('headA', 'GET', '/prospects/board?stalled=true');
    expect(stalled.body.columns.map((c: any) => c.count)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(column(stalled.body, 'primary_contact').items.map((c: any) => c.id)).toEqual([ids.beta]);
    const onTime = await h.call('headA', 'GET', '/prospects/board?stalled=false');
    expect(column(onTime.body, 'primary_contact').count).toBe(2);
  });

  it('filters by owner and sends at most limitPerStage cards, longest in the stage first', async () => {
    await backdate(ids.delta, 10);
    const page = await h.call('headA', 'GET', '/prospects/board?limitPerStage=2');
    const primary = column(page.body, 'primary_contact');
    expect(primary.count).toBe(3);
    expect(primary.items.map((c: any) => c.id)).toEqual([ids.beta, ids.delta]);
    const own = await h.call('headA', 'GET', `/prospects/board?ownerId=${h.people.sellerA2.userId}`);
    expect(own.body.columns.map((c: any) => c.count)).toEqual([0, 1, 0, 0, 0, 0]);
  });

  it('refuses a bad filter with 400 and keeps the board from legal until deals are handed over', async () => {
    expect((await h.call('headA', 'GET', '/prospects/board?limitPerStage=0')).status).toBe(400);
    expect((await h.call('headA', 'GET', '/prospects/board?stalled=maybe')).status).toBe(400);
    const legal = await h.call('legal', 'GET', '/prospects/board');
    expect(legal.body.columns.every((c: any) => c.count === 0)).toBe(true);
  });

  it("answers a prospect with its stage's checklist, time in stage, limit and product line", async () => {
    const detail = await h.call('sellerA', 'GET', `/prospects/${ids.alpha}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      id: ids.alpha,
      companyName: 'Alpha Mills',
      stage: 'needs_identification',
      version: expect.any(Number),
      daysInStage: 0,
      stageLimitDays: 21,
      overLimit: false,
      stalled: false,
      productLineName: 'Software',
      readOnly: false,
    });
    expect(detail.body.gate.stage).toBe('needs_identification');
    expect(detail.body.gate.items[0]).toEqual({ code: 'meeting_held', met: false });
    expect(detail.body.gate.items).toContainEqual({
      code: 'brief_section',
      met: false,
      params: { section: 'market_trends' },
    });
    expect(detail.body.gate.items.slice(-2)).toEqual([
      { code: 'brief_need', met: false },
      { code: 'brief_completed', met: false },
    ]);
  });

  it('marks the detail read-only once the prospect is lost, and the board no longer shows it', async () => {
    // Its own prospect: lost, it leaves the board, so the other cases see the same board whatever the order.
    const zeta = (await approvedProspects(h, [{ name: 'Zeta Zinc' }])).prospects[0];
    const before = (await h.call('headA', 'GET', `/prospects/${zeta.id}`)).body;
    expect(before.readOnly).toBe(false);
    expect(column((await h.call('headA', 'GET', '/prospects/board?q=zeta')).body, 'primary_contact').count).toBe(1);
    await h.call('headA', 'POST', `/prospects/${zeta.id}/lose`, { version: before.version, reasonCode: 'no_budget' });
    const after = await h.call('headA', 'GET', `/prospects/${zeta.id}`);
    expect(after.body).toMatchObject({ status: 'lost', readOnly: true });
    const board = await h.call('headA', 'GET', '/prospects/board?q=zeta');
    expect(board.body.columns.every((c: any) => c.count === 0)).toBe(true);
  });

  it('says over the limit from the first minute past it, where the whole days still equal the limit', async () => {
    const eta = (await approvedProspects(h, [{ name: 'Eta Eggs' }])).prospects[0];
    const enteredAgo = (interval: string) =>
      h.dataSource.query(`UPDATE prospect SET stage_entered_at = now() - $2::interval WHERE id = $1`, [
        eta.id,
        interval,
      ]);
    const stalledCount = async (stalled: boolean) =>
      column((await h.call('headA', 'GET', `/prospects/board?q=eggs&stalled=${stalled}`)).body, 'primary_contact')
        .count as number;

    await enteredAgo('21 days 1 minute');
    const late = (await h.call('headA', 'GET', `/prospects/${eta.id}`)).body;
    expect(late).toMatchObject({ daysInStage: 21, stageLimitDays: 21, overLimit: true, stalled: true });
    // The board's SQL filter says the same as the detail.
    expect([await stalledCount(true), await stalledCount(false)]).toEqual([1, 0]);

    await enteredAgo('20 days 23 hours');
    const onTime = (await h.call('headA', 'GET', `/prospects/${eta.id}`)).body;
    expect(onTime).toMatchObject({ daysInStage: 20, overLimit: false, stalled: false });
    expect([await stalledCount(true), await stalledCount(false)]).toEqual([0, 1]);

    // A lost prospect is past its limit but no longer stalls.
    await enteredAgo('30 days');
    await h.call('headA', 'POST', `/prospects/${eta.id}/lose`, { version: onTime.version, reasonCode: 'no_budget' });
    expect((await h.call('headA', 'GET', `/prospects/${eta.id}`)).body).toMatchObject({
      status: 'lost',
      overLimit: true,
      stalled: false,
    });
  });
});
