/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { ProspectsHarness, startProspects } from '../../test/prospects-harness';
import { approvedProspects } from '../../test/funnel-walk';

// Jest applies only the global testTimeout (the integration project's 60 s is not read): booting a service under
// load takes longer than the default 5 s.
jest.setTimeout(60_000);

const LOAD = 2000;
const WORK_STAGES = ['primary_contact', 'needs_identification', 'offer_formation', 'offer_defence'];

// The board of a salesperson with 2,000 active prospects: a fixed handful of queries, whatever the number of cards.
describe('prospects service: board under load', () => {
  let h: ProspectsHarness;

  beforeAll(async () => {
    h = await startProspects();
    const { prospects } = await approvedProspects(h, [{ name: 'Seed Company' }]);
    const seed = prospects[0];
    await h.dataSource.query(
      `INSERT INTO prospect (sample_id, product_line_id, unit_id, owner_id, company_name, stage, status, stage_entered_at)
       SELECT $1, $2, $3, $4, 'Load ' || g, ($5::text[])[1 + g % 4], 'active', now() - make_interval(days => g % 60)
         FROM generate_series(1, ${LOAD}) g`,
      [seed.sampleId, seed.productLineId, h.unitA, h.people.sellerA.userId, WORK_STAGES],
    );
    await h.dataSource.query(
      `INSERT INTO contact (prospect_id, name, position, is_decision_maker, decision_reason, created_by)
       SELECT id, 'Dana Moss', 'COO', true, 'Signs contracts', owner_id FROM prospect
        WHERE owner_id = $1 AND stage = 'primary_contact'`,
      [h.people.sellerA.userId],
    );
    await h.dataSource.query('ANALYZE prospect');
  });

  afterAll(async () => {
    await h?.stop();
  });

  afterEach(() => jest.restoreAllMocks());

  it('answers the whole board in a few queries and well under a second', async () => {
    const queries = jest.spyOn(h.dataSource.manager, 'query');
    const started = Date.now();
    const board = await h.call('sellerA', 'GET', '/prospects/board');
    const elapsed = Date.now() - started;
    expect(board.status).toBe(200);
    expect(board.body.columns.reduce((sum: number, c: any) => sum + c.count, 0)).toBe(LOAD);
    expect(board.body.columns.map((c: any) => c.items.length)).toEqual([0, 50, 50, 50, 50, 0]);
    // Counts, cards, and one query per kind of evidence: not one per card.
    expect(queries.mock.calls.length).toBeGreaterThanOrEqual(2);
    // 9: the revocation check (#16) reads the caller's directory row on every request.
    expect(queries.mock.calls.length).toBeLessThanOrEqual(9);
    expect(elapsed).toBeLessThan(1000);
  });

  it('summarises the gate of loaded cards from their evidence, longest in the stage first', async () => {
    const board = await h.call('sellerA', 'GET', '/prospects/board?limitPerStage=200');
    const primary = board.body.columns.find((c: any) => c.stage === 'primary_contact');
    expect(primary.count).toBe(LOAD / 4);
    expect(primary.items).toHaveLength(200);
    const days = primary.items.map((c: any) => c.daysInStage);
    expect(days).toEqual([...days].sort((a: number, b: number) => b - a));
    expect(primary.items.every((c: any) => c.gate.met === 1 && c.gate.total === 2)).toBe(true);
    expect(primary.items.filter((c: any) => c.stalled).length).toBeGreaterThan(0);
  });
});
