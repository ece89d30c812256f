import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_EARLY_WARNING_RULES, DEFAULT_SALES_NORMS, SALES_NORM_IDS } from '@dealgate/domain';
import { ANALYTICS_FUNCTIONS_1764700000000 } from './sql/analytics-functions-1764700000000';

const S = '"prospects"';

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
    for (const norm of SALES_NORM_IDS) {
      const b = DEFAULT_SALES_NORMS[norm];
      await runner.query(
        `INSERT INTO ${S}.analytics_norm (norm, min, min_exclusive, max, flag_above) VALUES ($1, $2, $3, $4, $5)`,
        [norm, b.min, b.minExclusive, b.max, b.flagAbove],
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
        [
          rule.id,
          rule.kind,
          rule.minProspectsWorked,
          rule.windowDays,
          rule.kind === 'brief_rate_below' ? rule.minBriefsPerProspect : null,
        ],
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

    for (const sql of ANALYTICS_FUNCTIONS_1764700000000) await runner.query(sql);
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
