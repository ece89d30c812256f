/** One connection (the generator uses temporary tables). */
export interface SqlSession {
  query(sql: string): Promise<unknown>;
}

/** The benchmark's "now": the synthetic log covers the two years before it. */
export const BENCH_NOW = '2026-12-01T00:00:00Z';
const UNITS = 10;
const SELLERS = 100;

/**
 * A synthetic funnel generated inside PostgreSQL (generate_series, set-based): `count` prospects entering over
 * two years, 100 salespeople in 10 units, the four preset product lines with their cycle lengths. Each prospect
 * converts stage to stage with the method's typical rates (45 % of contacts get a meeting, 55 % of meetings a
 * brief, 75 % of briefs an approved offer, 35 % of offers a defence), stays in each stage a share of its line's
 * cycle (random 0.5-1.5x), and is lost (60 %) or left open where it stopped; 85 % of contracts are signed.
 * Nothing happens after BENCH_NOW. The analytics trigger is off during the load; the aggregates are rebuilt after.
 */
export async function generateSyntheticFunnel(client: SqlSession, count: number): Promise<void> {
  await client.query(`
    CREATE TEMP TABLE bench_unit AS SELECT u AS idx, gen_random_uuid() AS unit_id FROM generate_series(0, ${UNITS - 1}) u;
    CREATE TEMP TABLE bench_seller AS
      SELECT s AS idx, gen_random_uuid() AS user_id, u.unit_id
      FROM generate_series(0, ${SELLERS - 1}) s JOIN bench_unit u ON u.idx = s % ${UNITS};
    INSERT INTO directory_unit (unit_id, name, head_user_id, active, changed_at)
      SELECT unit_id, 'Unit ' || idx, NULL, true, now() FROM bench_unit;
    INSERT INTO directory_user (user_id, roles, unit_id, active, sealed_contact, changed_at)
      SELECT user_id, '{salesperson}', unit_id, true, 'sealed', now() FROM bench_seller;
    CREATE TEMP TABLE bench_pl AS
      SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, id, cycle_min_days, cycle_max_days FROM product_line;
    CREATE TEMP TABLE bench_sample AS
      SELECT u.unit_id, pl.id AS pl_id, gen_random_uuid() AS id FROM bench_unit u CROSS JOIN bench_pl pl;
    INSERT INTO target_sample (id, product_line_id, unit_id, author_id, title, rationale, status)
      SELECT s.id, s.pl_id, s.unit_id, (SELECT user_id FROM bench_seller LIMIT 1), 'Synthetic', 'Benchmark', 'approved'
      FROM bench_sample s;
    CREATE TEMP TABLE bench_reason AS SELECT (row_number() OVER (ORDER BY code) - 1)::int AS idx, code FROM lost_reason;
  `);
  await client.query(`
    CREATE UNLOGGED TABLE bench_gen AS
    WITH base AS (
      SELECT g, gen_random_uuid() AS id, s.user_id AS owner_id, s.unit_id, pl.id AS pl_id,
        pl.cycle_min_days + random() * (pl.cycle_max_days - pl.cycle_min_days) AS cycle,
        timestamptz '${BENCH_NOW}' - interval '730 days' + random() * interval '730 days' AS t0,
        CASE WHEN random() > 0.45 THEN 2 WHEN random() > 0.55 THEN 3 WHEN random() > 0.75 THEN 4
             WHEN random() > 0.35 THEN 5 ELSE 6 END AS furthest,
        random() < 0.85 AS signs, random() < 0.6 AS loses, (random() * 1000)::int AS reason_pick
      FROM generate_series(1, ${count}) g
      JOIN bench_seller s ON s.idx = (g::bigint * 7919) % ${SELLERS}
      JOIN bench_pl pl ON pl.idx = g % 4
    ), timed AS (
      SELECT b.*, e.entries, e.durations FROM base b CROSS JOIN LATERAL (
        SELECT ARRAY[NULL, b.t0, b.t0 + d[1], b.t0 + d[1] + d[2], b.t0 + d[1] + d[2] + d[3],
                     b.t0 + d[1] + d[2] + d[3] + d[4]]::timestamptz[] AS entries, d AS durations
        FROM (SELECT ARRAY[
          b.cycle * 0.15 * (0.5 + random()) * interval '1 day', b.cycle * 0.20 * (0.5 + random()) * interval '1 day',
          b.cycle * 0.15 * (0.5 + random()) * interval '1 day', b.cycle * 0.25 * (0.5 + random()) * interval '1 day',
          b.cycle * 0.25 * (0.5 + random()) * interval '1 day'] AS d) x
      ) e
    )
    SELECT t.*,
      -- Stage indexes 1..6 (sampling = 1); the furthest reached by BENCH_NOW.
      (SELECT max(k) FROM generate_series(2, t.furthest) k WHERE t.entries[k] <= timestamptz '${BENCH_NOW}') AS reached,
      t.entries[6] + t.durations[5] AS won_at
    FROM timed t`);
  await client.query(`
    ALTER TABLE bench_gen ADD COLUMN won boolean, ADD COLUMN lost_at timestamptz;
    UPDATE bench_gen SET won = (reached = 6 AND signs AND won_at <= timestamptz '${BENCH_NOW}');
    UPDATE bench_gen SET lost_at = entries[reached] + durations[reached - 1] * 0.8
      WHERE NOT won AND loses AND reached < 6 AND entries[reached] + durations[reached - 1] * 0.8 <= timestamptz '${BENCH_NOW}';
  `);
  const stage = `(ARRAY['sampling','primary_contact','needs_identification','offer_formation','offer_defence','contract'])`;
  await client.query(`
    INSERT INTO prospect (id, sample_id, product_line_id, unit_id, owner_id, company_name, stage, status, stage_entered_at, created_at)
    SELECT g.id, s.id, g.pl_id, g.unit_id, g.owner_id, 'Company ' || g.g, ${stage}[g.reached],
      CASE WHEN g.won THEN 'won' WHEN g.lost_at IS NOT NULL THEN 'lost' ELSE 'active' END, g.entries[g.reached], g.t0
    FROM bench_gen g JOIN bench_sample s ON s.unit_id = g.unit_id AND s.pl_id = g.pl_id`);
  await client.query(`
    INSERT INTO stage_transition (prospect_id, event_kind, from_stage, to_stage, from_status, to_status, at,
      lost_reason_code, product_line_id, unit_id, owner_id)
    SELECT * FROM (
      SELECT g.id, 'sample_approved', 'sampling', 'primary_contact', 'active', 'active', g.t0, NULL::text, g.pl_id, g.unit_id, NULL::uuid
      FROM bench_gen g
      UNION ALL
      SELECT g.id, (ARRAY['', '', 'meeting_scheduled', 'brief_completed', 'offer_approved', 'defence_recorded'])[k],
        ${stage}[k - 1], ${stage}[k], 'active', 'active', g.entries[k], NULL, g.pl_id, g.unit_id, g.owner_id
      FROM bench_gen g CROSS JOIN LATERAL generate_series(3, g.reached) k
      UNION ALL
      SELECT g.id, 'contract_signed', 'contract', 'contract', 'active', 'won', g.won_at, NULL, g.pl_id, g.unit_id, g.owner_id
      FROM bench_gen g WHERE g.won
      UNION ALL
      SELECT g.id, 'lost', ${stage}[g.reached], ${stage}[g.reached], 'active', 'lost', g.lost_at,
        (SELECT code FROM bench_reason r WHERE r.idx = g.reason_pick % (SELECT count(*) FROM bench_reason)),
        g.pl_id, g.unit_id, g.owner_id
      FROM bench_gen g WHERE g.lost_at IS NOT NULL
    ) x ORDER BY 7`);
  // Meetings (held two days after scheduling) and briefs feed the norms.
  await client.query(`
    CREATE TEMP TABLE bench_contact AS SELECT g.id AS prospect_id, gen_random_uuid() AS id, g.owner_id, g.entries[3] AS scheduled
      FROM bench_gen g WHERE g.reached >= 3;
    INSERT INTO contact (id, prospect_id, name, is_decision_maker, created_by)
      SELECT id, prospect_id, 'Decision maker', true, owner_id FROM bench_contact;
    INSERT INTO meeting (prospect_id, contact_id, scheduled_at, status, held_at, created_by)
      SELECT prospect_id, id, scheduled, 'held', scheduled + interval '2 days', owner_id FROM bench_contact;
    INSERT INTO brief (prospect_id, sections, needs, completed_at, author_id)
      SELECT g.id, '{}', '[]', g.entries[4], g.owner_id FROM bench_gen g WHERE g.reached >= 4;
    INSERT INTO sales_plan (period, salesperson_id, unit_id, product_line_key, stage, count, author_id)
      SELECT to_char(m, 'YYYY-MM'), s.user_id, s.unit_id, '00000000-0000-0000-0000-000000000000', st, 40, s.user_id
      FROM bench_seller s CROSS JOIN generate_series(timestamptz '${BENCH_NOW}' - interval '12 months', timestamptz '${BENCH_NOW}' - interval '1 month', interval '1 month') m
      CROSS JOIN unnest(ARRAY['needs_identification', 'offer_formation', 'offer_defence', 'contract']) st;
    DROP TABLE bench_gen;
    ANALYZE;
  `);
}
