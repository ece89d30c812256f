/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- tests read JSON answers loosely */
import { ProspectsHarness, startProspects } from '../../test/prospects-harness';

jest.setTimeout(60_000);

// GET /api/prospects paged by cursor: 23 prospects of one salesperson, five of them changed at the very same
// instant (ties broken by id), one of another salesperson that must never show.
describe('prospects service: list paging by cursor', () => {
  let h: ProspectsHarness;

  const ordered = async (): Promise<string[]> =>
    (
      await h.dataSource.query(`SELECT id FROM prospect WHERE owner_id = $1 ORDER BY updated_at DESC, id`, [
        h.people.sellerA.userId,
      ])
    ).map((r: { id: string }) => r.id);

  async function allPages(limit: number, onPage?: (page: number) => Promise<void>): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 20; page++) {
      const path: string = `/prospects?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await h.call('sellerA', 'GET', path);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(23);
      seen.push(...res.body.items.map((p: any) => p.id));
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
      await onPage?.(page);
    }
    throw new Error('the cursor never ended');
  }

  beforeAll(async () => {
    h = await startProspects();
    const seed = (ownerId: string, unitId: string, count: number, times: string) =>
      h.dataSource.query(
        `WITH s AS (
           INSERT INTO target_sample (product_line_id, unit_id, author_id, title, rationale, status)
           SELECT id, $2, $1, 'Seed', 'Paging', 'approved' FROM product_line ORDER BY code LIMIT 1
           RETURNING id, product_line_id)
         INSERT INTO prospect (sample_id, product_line_id, unit_id, owner_id, company_name, stage, status,
           stage_entered_at, created_at, updated_at)
         SELECT s.id, s.product_line_id, $2, $1, 'Company ' || g, 'primary_contact', 'active', t, t, t
         FROM s, generate_series(1, $3::int) g, LATERAL (SELECT ${times} AS t) x`,
        [ownerId, unitId, count],
      );
    // Microseconds on purpose: a cursor that kept only milliseconds would skip or repeat rows.
    await seed(h.people.sellerA.userId, h.unitA, 18, `now() - g * interval '1 minute 0.000123 seconds'`);
    await seed(h.people.sellerA.userId, h.unitA, 5, `timestamptz '2026-01-02 03:04:05.678901+00'`);
    await seed(h.people.sellerB.userId, h.unitB, 1, 'now()');
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('walks every row once, in the list order, ties included, and ends with a null nextCursor', async () => {
    expect(await allPages(4)).toEqual(await ordered());
  });

  it('neither repeats nor skips a row that another change moves to the front between two pages', async () => {
    const before = await ordered();
    const moved = before[10];
    const seen = await allPages(4, async (page) => {
      if (page === 0) await h.dataSource.query(`UPDATE prospect SET updated_at = now() WHERE id = $1`, [moved]);
    });
    // The moved row went ahead of the cursor: the walk misses it (it is on page one now) but nothing else.
    expect(seen).toEqual(before.filter((id) => id !== moved));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('keeps offset paging for the console, with the same rows as the cursor', async () => {
    const first = await h.call('sellerA', 'GET', '/prospects?limit=6');
    const byOffset = await h.call('sellerA', 'GET', '/prospects?limit=6&offset=6');
    const byCursor = await h.call('sellerA', 'GET', `/prospects?limit=6&cursor=${first.body.nextCursor}`);
    expect(byOffset.body.offset).toBe(6);
    expect(byCursor.body.items.map((p: any) => p.id)).toEqual(byOffset.body.items.map((p: any) => p.id));
  });

  it.each([
    ['not base64url', 'a%20b'],
    ['not a position', Buffer.from('[1,2]').toString('base64url')],
    [
      'a day that does not exist',
      Buffer.from('["2026-02-31T00:00:00.000000Z","4f1c2b1e-8c3a-4d2e-9f00-1234567890ab"]').toString('base64url'),
    ],
  ])('answers 400 naming the cursor when it is %s', async (_, cursor) => {
    const res = await h.call('sellerA', 'GET', `/prospects?cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.fields.map((f: any) => f.field)).toContain('cursor');
  });

  it('answers 400 naming the cursor when it comes with an offset', async () => {
    const first = await h.call('sellerA', 'GET', '/prospects?limit=2');
    const res = await h.call('sellerA', 'GET', `/prospects?limit=2&offset=2&cursor=${first.body.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.body.fields.map((f: any) => f.field)).toContain('cursor');
  });

  it('reads the page from the list index, not by sorting every visible row', async () => {
    // A table this small would be sorted in memory anyway: forbid that, so only an index in the list order serves.
    const plan = await h.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      await manager.query('SET LOCAL enable_sort = off');
      return manager.query(
        `EXPLAIN (FORMAT JSON) SELECT * FROM prospect p WHERE p.owner_id = $1 ORDER BY p.updated_at DESC, p.id LIMIT 51`,
        [h.people.sellerA.userId],
      );
    });
    const text = JSON.stringify(plan);
    expect(text).toContain('prospect_list_owner_idx');
    expect(text).not.toContain('"Node Type":"Sort"');
  });
});
