import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

// Written out here so the migration stays as it runs today (frozen; tools/migrations): the settings seeded as
// libs/domain defined them, and the trigger and rebuild functions in the versions of AnalyticsCredit1764700000000
// (this migration has installed those since that one shipped; the two files hold the same copy).
const DEFAULT_SALES_NORMS = [
  { norm: 'meetings_held', min: 40, minExclusive: false, max: 45, flagAbove: false },
  { norm: 'briefs_per_meeting_held', min: 0.5, minExclusive: true, max: null, flagAbove: false },
  { norm: 'contracts_per_meeting_held', min: 0.1, minExclusive: false, max: 0.3, flagAbove: true },
];
const DEFAULT_EARLY_WARNING_RULES = [
  {
    id: 'prospects_without_brief',
    kind: 'prospects_without_brief',
    minProspectsWorked: 20,
    windowDays: 60,
    minBriefsPerProspect: null,
  },
];
// "First entry" is by insertion order (id) in both the trigger and the rebuild, so the two always agree.
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
 * Funnel analytics. The stage-transition log stays the source of truth; three aggregates are kept exact by a
 * trigger on its INSERT (so the funnel's code needs no change) and rebuilt from the log once here:
 *   funnel_daily            per UTC day, unit, product line, owner (zero uuid = none), stage, measure
 *                           (reached = first entry of a prospect into a stage, lost by reason, won): counts
 *   funnel_monthly          the same per calendar month (long periods read months, and days only at their edges)
 *   analytics_prospect      per prospect: cohort day (first entry into primary_contact), furthest stage, latest dims
 *   analytics_cohort        prospects per cohort month, latest dims and furthest stage (the cohort view's counts)
 *   analytics_stage_stay    one row per stay of an active prospect in a stage (entered, left), for time in stage
 * Settings (norms, early-warning rules), plans and the sweeps' idempotency keys live beside them.
 */
export class Analytics1764400100000 implements MigrationInterface {
  name = 'Analytics1764400100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE ${S}.funnel_daily (
        day date NOT NULL,
        unit_id uuid NOT NULL,
        product_line_id uuid NOT NULL,
        owner_key uuid NOT NULL,
        stage text NOT NULL,
        measure text NOT NULL CHECK (measure IN ('reached', 'lost', 'won')),
        reason text NOT NULL DEFAULT '',
        count integer NOT NULL,
        PRIMARY KEY (day, measure, stage, unit_id, product_line_id, owner_key, reason)
      )`);
    // The same counts per calendar month: a long period reads whole months here and only its edge days above.
    await runner.query(`
      CREATE TABLE ${S}.funnel_monthly (
        month date NOT NULL,
        unit_id uuid NOT NULL,
        product_line_id uuid NOT NULL,
        owner_key uuid NOT NULL,
        stage text NOT NULL,
        measure text NOT NULL,
        reason text NOT NULL DEFAULT '',
        count integer NOT NULL,
        PRIMARY KEY (month, measure, stage, unit_id, product_line_id, owner_key, reason)
      )`);
    await runner.query(`CREATE INDEX funnel_daily_owner_idx ON ${S}.funnel_daily (owner_key, day)`);
    await runner.query(`CREATE INDEX funnel_daily_unit_idx ON ${S}.funnel_daily (unit_id, day)`);
    await runner.query(`
      CREATE TABLE ${S}.analytics_prospect (
        prospect_id uuid PRIMARY KEY,
        cohort_day date,
        furthest smallint NOT NULL,
        unit_id uuid NOT NULL,
        product_line_id uuid NOT NULL,
        owner_key uuid NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE ${S}.analytics_cohort (
        cohort_month date NOT NULL,
        unit_id uuid NOT NULL,
        product_line_id uuid NOT NULL,
        owner_key uuid NOT NULL,
        furthest smallint NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (cohort_month, unit_id, product_line_id, owner_key, furthest)
      )`);
    await runner.query(`
      CREATE TABLE ${S}.analytics_stage_stay (
        id bigserial PRIMARY KEY,
        prospect_id uuid NOT NULL,
        stage text NOT NULL,
        product_line_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        owner_key uuid NOT NULL,
        entered_at timestamptz NOT NULL,
        left_at timestamptz
      )`);
    await runner.query(
      `CREATE UNIQUE INDEX analytics_stage_stay_open_uq ON ${S}.analytics_stage_stay (prospect_id) WHERE left_at IS NULL`,
    );
    await runner.query(
      `CREATE INDEX analytics_stage_stay_left_idx ON ${S}.analytics_stage_stay (left_at) INCLUDE (product_line_id, stage, entered_at, unit_id, owner_key) WHERE left_at IS NOT NULL`,
    );

    // Reports on the funnel's own tables: meetings held, briefs, active prospects by time in stage.
    await runner.query(`CREATE INDEX meeting_held_at_idx ON ${S}.meeting (held_at) WHERE status = 'held'`);
    await runner.query(
      `CREATE INDEX brief_completed_at_idx ON ${S}.brief (completed_at) WHERE completed_at IS NOT NULL`,
    );
    await runner.query(
      `CREATE INDEX prospect_active_stage_entered_idx ON ${S}.prospect (stage, stage_entered_at) WHERE status = 'active'`,
    );

    await runner.query(`
      CREATE TABLE ${S}.analytics_norm (
        norm text PRIMARY KEY,
        min numeric,
        min_exclusive boolean NOT NULL,
        max numeric,
        flag_above boolean NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const b of DEFAULT_SALES_NORMS) {
      await runner.query(
        `INSERT INTO ${S}.analytics_norm (norm, min, min_exclusive, max, flag_above) VALUES ($1, $2, $3, $4, $5)`,
        [b.norm, b.min, b.minExclusive, b.max, b.flagAbove],
      );
    }
    await runner.query(`
      CREATE TABLE ${S}.analytics_warning_rule (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('prospects_without_brief', 'brief_rate_below')),
        min_prospects_worked integer NOT NULL,
        window_days integer NOT NULL,
        min_briefs_per_prospect numeric,
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const rule of DEFAULT_EARLY_WARNING_RULES) {
      await runner.query(
        `INSERT INTO ${S}.analytics_warning_rule (id, kind, min_prospects_worked, window_days, min_briefs_per_prospect) VALUES ($1, $2, $3, $4, $5)`,
        [rule.id, rule.kind, rule.minProspectsWorked, rule.windowDays, rule.minBriefsPerProspect],
      );
    }
    await runner.query(`
      CREATE TABLE ${S}.sales_plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        period text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        salesperson_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        product_line_key uuid NOT NULL,
        stage text NOT NULL,
        count integer NOT NULL CHECK (count >= 0),
        author_id uuid NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (period, salesperson_id, product_line_key, stage)
      )`);
    await runner.query(`CREATE INDEX sales_plan_unit_idx ON ${S}.sales_plan (unit_id, period)`);
    await runner.query(`
      CREATE TABLE ${S}.analytics_notice (
        key text PRIMARY KEY,
        kind text NOT NULL,
        created_at timestamptz NOT NULL
      )`);

    for (const sql of ANALYTICS_FUNCTIONS) await runner.query(sql);
    await runner.query(`SELECT ${S}.analytics_rebuild()`);
    await runner.query(`
      CREATE TRIGGER stage_transition_analytics AFTER INSERT ON ${S}.stage_transition
      FOR EACH ROW EXECUTE FUNCTION ${S}.analytics_on_transition()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER stage_transition_analytics ON ${S}.stage_transition`);
    await runner.query(
      `DROP FUNCTION ${S}.analytics_on_transition(), ${S}.analytics_rebuild(), ${S}.analytics_bump, ${S}.analytics_cohort_bump, ${S}.analytics_stage_rank(text)`,
    );
    await runner.query(
      `DROP INDEX ${S}.meeting_held_at_idx, ${S}.brief_completed_at_idx, ${S}.prospect_active_stage_entered_idx`,
    );
    for (const table of [
      'analytics_notice',
      'sales_plan',
      'analytics_warning_rule',
      'analytics_norm',
      'analytics_stage_stay',
      'analytics_cohort',
      'analytics_prospect',
      'funnel_monthly',
      'funnel_daily',
    ]) {
      await runner.query(`DROP TABLE ${S}.${table}`);
    }
  }
}
