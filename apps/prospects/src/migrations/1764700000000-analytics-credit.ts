import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

// The trigger and rebuild functions as this migration installs them, written out here (frozen; tools/migrations):
// "first entry" is by insertion order (id) in both, so the two always agree. Analytics1764400100000 holds the same copy.
const NO_OWNER = `'00000000-0000-0000-0000-000000000000'::uuid`;
const ANALYTICS_FUNCTIONS: readonly string[] = [
  `CREATE OR REPLACE FUNCTION ${S}.analytics_stage_rank(stage text) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
     SELECT (CASE stage WHEN 'sampling' THEN 0 WHEN 'primary_contact' THEN 1 WHEN 'needs_identification' THEN 2
       WHEN 'offer_formation' THEN 3 WHEN 'offer_defence' THEN 4 WHEN 'contract' THEN 5 END)::smallint $$`,

  `CREATE OR REPLACE FUNCTION ${S}.analytics_bump(p_day date, t ${S}.stage_transition, p_owner uuid, p_stage text, p_measure text, p_reason text)
   RETURNS void LANGUAGE sql AS $$
     INSERT INTO ${S}.funnel_daily (day, unit_id, product_line_id, owner_key, stage, measure, reason, count)
     VALUES (p_day, t.unit_id, t.product_line_id, p_owner, p_stage, p_measure, p_reason, 1)
     ON CONFLICT (day, measure, stage, unit_id, product_line_id, owner_key, reason)
     DO UPDATE SET count = ${S}.funnel_daily.count + 1;
     INSERT INTO ${S}.funnel_monthly (month, unit_id, product_line_id, owner_key, stage, measure, reason, count)
     VALUES (date_trunc('month', p_day)::date, t.unit_id, t.product_line_id, p_owner, p_stage, p_measure, p_reason, 1)
     ON CONFLICT (month, measure, stage, unit_id, product_line_id, owner_key, reason)
     DO UPDATE SET count = ${S}.funnel_monthly.count + 1 $$`,

  // Moves one "reached" count of an entry (the log row t) from "no owner" to the salesperson who worked the stage.
  `CREATE OR REPLACE FUNCTION ${S}.analytics_credit_reach(t ${S}.stage_transition, p_owner uuid) RETURNS void LANGUAGE sql AS $$
     UPDATE ${S}.funnel_daily SET count = count - 1 WHERE day = (t.at AT TIME ZONE 'UTC')::date AND measure = 'reached'
       AND stage = t.to_stage AND unit_id = t.unit_id AND product_line_id = t.product_line_id AND owner_key = ${NO_OWNER} AND reason = '';
     DELETE FROM ${S}.funnel_daily WHERE day = (t.at AT TIME ZONE 'UTC')::date AND measure = 'reached' AND stage = t.to_stage
       AND unit_id = t.unit_id AND product_line_id = t.product_line_id AND owner_key = ${NO_OWNER} AND reason = '' AND count = 0;
     UPDATE ${S}.funnel_monthly SET count = count - 1 WHERE month = date_trunc('month', (t.at AT TIME ZONE 'UTC')::date)::date
       AND measure = 'reached' AND stage = t.to_stage AND unit_id = t.unit_id AND product_line_id = t.product_line_id
       AND owner_key = ${NO_OWNER} AND reason = '';
     DELETE FROM ${S}.funnel_monthly WHERE month = date_trunc('month', (t.at AT TIME ZONE 'UTC')::date)::date
       AND measure = 'reached' AND stage = t.to_stage AND unit_id = t.unit_id AND product_line_id = t.product_line_id
       AND owner_key = ${NO_OWNER} AND reason = '' AND count = 0;
     SELECT ${S}.analytics_bump((t.at AT TIME ZONE 'UTC')::date, t, p_owner, t.to_stage, 'reached', '') $$`,

  `CREATE OR REPLACE FUNCTION ${S}.analytics_cohort_bump(p ${S}.analytics_prospect, delta integer) RETURNS void LANGUAGE sql AS $$
     INSERT INTO ${S}.analytics_cohort (cohort_month, unit_id, product_line_id, owner_key, furthest, count)
     VALUES (date_trunc('month', p.cohort_day)::date, p.unit_id, p.product_line_id, p.owner_key, p.furthest, delta)
     ON CONFLICT (cohort_month, unit_id, product_line_id, owner_key, furthest)
     DO UPDATE SET count = ${S}.analytics_cohort.count + delta $$`,

  `CREATE OR REPLACE FUNCTION ${S}.analytics_on_transition() RETURNS trigger LANGUAGE plpgsql AS $$
   DECLARE
     v_day date := (NEW.at AT TIME ZONE 'UTC')::date;
     v_owner uuid := COALESCE(NEW.owner_id, ${NO_OWNER});
     v_old ${S}.analytics_prospect%ROWTYPE;
     v_new ${S}.analytics_prospect%ROWTYPE;
     v_entry ${S}.stage_transition%ROWTYPE;
   BEGIN
     IF NEW.from_stage <> NEW.to_stage THEN
       -- Sampling has no entry row of its own: the approval that ends it is when the prospect entered the funnel.
       IF NEW.from_stage = 'sampling' AND NOT EXISTS (SELECT 1 FROM ${S}.stage_transition t WHERE t.prospect_id = NEW.prospect_id
            AND t.from_stage = 'sampling' AND t.to_stage <> 'sampling' AND t.id <> NEW.id) THEN
         PERFORM ${S}.analytics_bump(v_day, NEW, v_owner, 'sampling', 'reached', '');
       END IF;
       -- Only the first entry counts: an offer sent back to formation does not reach formation twice.
       IF NOT EXISTS (SELECT 1 FROM ${S}.stage_transition t WHERE t.prospect_id = NEW.prospect_id
            AND t.to_stage = NEW.to_stage AND t.from_stage <> t.to_stage AND t.id <> NEW.id) THEN
         PERFORM ${S}.analytics_bump(v_day, NEW, v_owner, NEW.to_stage, 'reached', '');
       END IF;
     END IF;
     -- A stage entered with no salesperson (a head's sample, assigned afterwards) counts for the first salesperson
     -- whose move or loss ends it: the one who worked the stage. Sampling stays with whoever approved the sample.
     IF NEW.owner_id IS NOT NULL AND NEW.from_stage <> 'sampling'
        AND (NEW.from_stage <> NEW.to_stage OR NEW.from_status <> NEW.to_status) THEN
       SELECT * INTO v_entry FROM ${S}.stage_transition t WHERE t.prospect_id = NEW.prospect_id
         AND t.to_stage = NEW.from_stage AND t.from_stage <> t.to_stage ORDER BY t.id LIMIT 1;
       IF v_entry.id IS NOT NULL AND v_entry.owner_id IS NULL AND NOT EXISTS (SELECT 1 FROM ${S}.stage_transition t
            WHERE t.prospect_id = NEW.prospect_id AND t.from_stage = NEW.from_stage AND t.id > v_entry.id
              AND t.id <> NEW.id AND t.owner_id IS NOT NULL AND (t.from_stage <> t.to_stage OR t.from_status <> t.to_status)) THEN
         PERFORM ${S}.analytics_credit_reach(v_entry, NEW.owner_id);
       END IF;
     END IF;
     IF NEW.to_status = 'lost' AND NEW.from_status <> 'lost' THEN
       PERFORM ${S}.analytics_bump(v_day, NEW, v_owner, NEW.to_stage, 'lost', COALESCE(NEW.lost_reason_code, 'unknown'));
     END IF;
     IF NEW.to_status = 'won' AND NEW.from_status <> 'won' THEN
       PERFORM ${S}.analytics_bump(v_day, NEW, v_owner, NEW.to_stage, 'won', '');
     END IF;

     -- The prospect's cohort line moves from its old bucket to its new one (furthest stage, latest dims).
     SELECT * INTO v_old FROM ${S}.analytics_prospect WHERE prospect_id = NEW.prospect_id FOR UPDATE;
     INSERT INTO ${S}.analytics_prospect (prospect_id, cohort_day, furthest, unit_id, product_line_id, owner_key)
     VALUES (NEW.prospect_id,
       CASE WHEN NEW.to_stage = 'primary_contact' AND NEW.from_stage <> NEW.to_stage THEN v_day END,
       ${S}.analytics_stage_rank(NEW.to_stage), NEW.unit_id, NEW.product_line_id, v_owner)
     ON CONFLICT (prospect_id) DO UPDATE SET
       cohort_day = COALESCE(${S}.analytics_prospect.cohort_day, EXCLUDED.cohort_day),
       furthest = GREATEST(${S}.analytics_prospect.furthest, EXCLUDED.furthest),
       unit_id = EXCLUDED.unit_id, product_line_id = EXCLUDED.product_line_id, owner_key = EXCLUDED.owner_key
     RETURNING * INTO v_new;
     IF v_old.cohort_day IS NOT NULL THEN
       PERFORM ${S}.analytics_cohort_bump(v_old, -1);
     END IF;
     IF v_new.cohort_day IS NOT NULL THEN
       PERFORM ${S}.analytics_cohort_bump(v_new, 1);
     END IF;

     IF NEW.from_stage <> NEW.to_stage OR NEW.from_status <> NEW.to_status THEN
       -- A stay begun with no salesperson belongs to the one who ended it.
       UPDATE ${S}.analytics_stage_stay SET left_at = NEW.at,
         owner_key = CASE WHEN owner_key = ${NO_OWNER} THEN v_owner ELSE owner_key END
       WHERE prospect_id = NEW.prospect_id AND left_at IS NULL;
       IF NEW.to_status = 'active' THEN
         INSERT INTO ${S}.analytics_stage_stay (prospect_id, stage, product_line_id, unit_id, owner_key, entered_at)
         VALUES (NEW.prospect_id, NEW.to_stage, NEW.product_line_id, NEW.unit_id, v_owner, NEW.at);
       END IF;
     END IF;
     RETURN NULL;
   END $$`,

  `CREATE OR REPLACE FUNCTION ${S}.analytics_rebuild() RETURNS void LANGUAGE plpgsql AS $$
   BEGIN
     TRUNCATE ${S}.funnel_daily, ${S}.funnel_monthly, ${S}.analytics_prospect, ${S}.analytics_cohort, ${S}.analytics_stage_stay;
     INSERT INTO ${S}.funnel_daily (day, unit_id, product_line_id, owner_key, stage, measure, reason, count)
     SELECT (x.at AT TIME ZONE 'UTC')::date, x.unit_id, x.product_line_id, COALESCE(x.owner_id, ${NO_OWNER}),
            x.stage, x.measure, x.reason, count(*)::int
     FROM (
       -- An entry with no owner counts for the first salesperson whose move or loss ends that stage (not sampling).
       SELECT f.at, f.unit_id, f.product_line_id,
              COALESCE(f.owner_id, CASE WHEN f.stage <> 'sampling' THEN (SELECT w.owner_id FROM ${S}.stage_transition w
                WHERE w.prospect_id = f.prospect_id AND w.from_stage = f.stage AND w.id > f.id AND w.owner_id IS NOT NULL
                  AND (w.from_stage <> w.to_stage OR w.from_status <> w.to_status) ORDER BY w.id LIMIT 1) END) AS owner_id,
              f.stage, f.measure, f.reason
       FROM (SELECT DISTINCT ON (e.prospect_id, e.stage) e.id, e.prospect_id, e.at, e.unit_id, e.product_line_id,
              e.owner_id, e.stage, 'reached' AS measure, '' AS reason
       FROM (
         SELECT id, prospect_id, to_stage AS stage, at, unit_id, product_line_id, owner_id
         FROM ${S}.stage_transition WHERE from_stage <> to_stage
         UNION ALL
         SELECT id, prospect_id, 'sampling', at, unit_id, product_line_id, owner_id
         FROM ${S}.stage_transition WHERE from_stage = 'sampling' AND to_stage <> 'sampling'
       ) e ORDER BY e.prospect_id, e.stage, e.id) f
       UNION ALL
       SELECT at, unit_id, product_line_id, owner_id, to_stage, 'lost', COALESCE(lost_reason_code, 'unknown')
       FROM ${S}.stage_transition WHERE to_status = 'lost' AND from_status <> 'lost'
       UNION ALL
       SELECT at, unit_id, product_line_id, owner_id, to_stage, 'won', ''
       FROM ${S}.stage_transition WHERE to_status = 'won' AND from_status <> 'won'
     ) x
     GROUP BY 1, 2, 3, 4, 5, 6, 7;
     INSERT INTO ${S}.funnel_monthly (month, unit_id, product_line_id, owner_key, stage, measure, reason, count)
     SELECT date_trunc('month', day)::date, unit_id, product_line_id, owner_key, stage, measure, reason, sum(count)::int
     FROM ${S}.funnel_daily GROUP BY 1, 2, 3, 4, 5, 6, 7;

     INSERT INTO ${S}.analytics_prospect (prospect_id, cohort_day, furthest, unit_id, product_line_id, owner_key)
     SELECT prospect_id,
            (array_agg((at AT TIME ZONE 'UTC')::date ORDER BY id)
               FILTER (WHERE to_stage = 'primary_contact' AND from_stage <> to_stage))[1],
            max(${S}.analytics_stage_rank(to_stage)),
            (array_agg(unit_id ORDER BY id DESC))[1],
            (array_agg(product_line_id ORDER BY id DESC))[1],
            COALESCE((array_agg(owner_id ORDER BY id DESC))[1], ${NO_OWNER})
     FROM ${S}.stage_transition GROUP BY prospect_id;

     INSERT INTO ${S}.analytics_cohort (cohort_month, unit_id, product_line_id, owner_key, furthest, count)
     SELECT date_trunc('month', cohort_day)::date, unit_id, product_line_id, owner_key, furthest, count(*)::int
     FROM ${S}.analytics_prospect WHERE cohort_day IS NOT NULL GROUP BY 1, 2, 3, 4, 5;

     INSERT INTO ${S}.analytics_stage_stay (prospect_id, stage, product_line_id, unit_id, owner_key, entered_at, left_at)
     SELECT prospect_id, to_stage, product_line_id, unit_id, COALESCE(owner_id, next_owner, ${NO_OWNER}), at, next_at
     FROM (
       SELECT *, lead(at) OVER (PARTITION BY prospect_id ORDER BY id) AS next_at,
              lead(owner_id) OVER (PARTITION BY prospect_id ORDER BY id) AS next_owner
       FROM ${S}.stage_transition WHERE from_stage <> to_stage OR from_status <> to_status
     ) s
     WHERE to_status = 'active';
   END $$`,
];

/**
 * A stage entered with no salesperson (the prospects of a head's sample, assigned afterwards) counts for the
 * salesperson who worked it: the first whose move or loss ends it. Replaces the trigger and rebuild functions with the
 * versions that say so (ANALYTICS_FUNCTIONS above, CREATE OR REPLACE) and recomputes the aggregates from the log.
 */
export class AnalyticsCredit1764700000000 implements MigrationInterface {
  name = 'AnalyticsCredit1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of ANALYTICS_FUNCTIONS) await runner.query(sql);
    await runner.query(`SELECT ${S}.analytics_rebuild()`);
  }

  async down(): Promise<void> {
    // The earlier attribution is not kept: going back leaves the functions as they are.
  }
}
