import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

/**
 * The board reads the active prospects of a salesperson, a unit or everyone, per stage, longest in the stage first:
 * one partial index per visibility scope lets each column's top cards come straight from the index.
 */
export class BoardIndexes1764600000000 implements MigrationInterface {
  name = 'BoardIndexes1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX prospect_board_owner_idx ON ${S}.prospect (owner_id, stage, stage_entered_at) WHERE status = 'active'`,
    );
    await runner.query(
      `CREATE INDEX prospect_board_unit_idx ON ${S}.prospect (unit_id, stage, stage_entered_at) WHERE status = 'active'`,
    );
    await runner.query(
      `CREATE INDEX prospect_board_stage_idx ON ${S}.prospect (stage, stage_entered_at) WHERE status = 'active'`,
    );
    // The agenda: today's meetings of the caller's prospects.
    await runner.query(
      `CREATE INDEX meeting_scheduled_at_idx ON ${S}.meeting (scheduled_at) WHERE status = 'scheduled'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of [
      'meeting_scheduled_at_idx',
      'prospect_board_stage_idx',
      'prospect_board_unit_idx',
      'prospect_board_owner_idx',
    ]) {
      await runner.query(`DROP INDEX ${S}.${index}`);
    }
  }
}
