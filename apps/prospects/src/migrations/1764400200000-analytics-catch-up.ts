import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

/**
 * Catches up a database that ran the first version of 1764400100000-analytics: two later commits edited that
 * migration in place (adding analytics_cohort and funnel_monthly, dropping analytics_prospect_cohort_idx), so such a
 * database never got them, and 1764700000000's rebuild would fail there. On a database that ran the edited version
 * this changes nothing. The functions and the rebuild that fill the two tables follow in 1764700000000.
 */
export class AnalyticsCatchUp1764400200000 implements MigrationInterface {
  name = 'AnalyticsCatchUp1764400200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS ${S}.analytics_cohort (
        cohort_month date NOT NULL,
        unit_id uuid NOT NULL,
        product_line_id uuid NOT NULL,
        owner_key uuid NOT NULL,
        furthest smallint NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (cohort_month, unit_id, product_line_id, owner_key, furthest)
      )`);
    await runner.query(`
      CREATE TABLE IF NOT EXISTS ${S}.funnel_monthly (
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
    await runner.query(`DROP INDEX IF EXISTS ${S}.analytics_prospect_cohort_idx`);
  }

  async down(): Promise<void> {
    // The tables belong to 1764400100000 as it stands; its down() drops them.
  }
}
