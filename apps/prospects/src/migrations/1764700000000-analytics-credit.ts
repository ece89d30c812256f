import { MigrationInterface, QueryRunner } from 'typeorm';
import { ANALYTICS_FUNCTIONS_1764700000000 } from './sql/analytics-functions-1764700000000';

const S = '"prospects"';

/**
 * A stage entered with no salesperson (the prospects of a head's sample, assigned afterwards) counts for the
 * salesperson who worked it: the first whose move or loss ends it. Replaces the trigger and rebuild functions with the
 * versions that say so (sql/analytics-functions-1764700000000.ts, CREATE OR REPLACE) and recomputes the aggregates from the log.
 */
export class AnalyticsCredit1764700000000 implements MigrationInterface {
  name = 'AnalyticsCredit1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of ANALYTICS_FUNCTIONS_1764700000000) await runner.query(sql);
    await runner.query(`SELECT ${S}.analytics_rebuild()`);
  }

  async down(): Promise<void> {
    // The earlier attribution is not kept: going back leaves the functions as they are.
  }
}
