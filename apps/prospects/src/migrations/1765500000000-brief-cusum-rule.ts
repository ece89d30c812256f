import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

// A snapshot of DEFAULT_BRIEF_CUSUM_RULE when this migration was written (a migration never changes its effect).
const SEEDED = { id: 'brief_cusum', minProspectsWorked: 0, windowDays: 90, threshold: 10 };

/**
 * Early warnings get a third kind, `brief_cusum` (briefs well below the person's own usual share), with its
 * evidence threshold in a column of its own, and the rule is seeded in force so every organisation has it; an
 * admin retires it like any other (active = false).
 */
export class BriefCusumRule1765500000000 implements MigrationInterface {
  name = 'BriefCusumRule1765500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE ${S}.analytics_warning_rule DROP CONSTRAINT analytics_warning_rule_kind_check`);
    await runner.query(
      `ALTER TABLE ${S}.analytics_warning_rule ADD CONSTRAINT analytics_warning_rule_kind_check
       CHECK (kind IN ('prospects_without_brief', 'brief_rate_below', 'brief_cusum'))`,
    );
    await runner.query(`ALTER TABLE ${S}.analytics_warning_rule ADD COLUMN threshold numeric`);
    await runner.query(
      `INSERT INTO ${S}.analytics_warning_rule (id, kind, min_prospects_worked, window_days, threshold)
       VALUES ($1, 'brief_cusum', $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
      [SEEDED.id, SEEDED.minProspectsWorked, SEEDED.windowDays, SEEDED.threshold],
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DELETE FROM ${S}.analytics_warning_rule WHERE kind = 'brief_cusum'`);
    await runner.query(`ALTER TABLE ${S}.analytics_warning_rule DROP COLUMN threshold`);
    await runner.query(`ALTER TABLE ${S}.analytics_warning_rule DROP CONSTRAINT analytics_warning_rule_kind_check`);
    await runner.query(
      `ALTER TABLE ${S}.analytics_warning_rule ADD CONSTRAINT analytics_warning_rule_kind_check
       CHECK (kind IN ('prospects_without_brief', 'brief_rate_below'))`,
    );
  }
}
