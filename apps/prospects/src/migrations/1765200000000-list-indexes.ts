import { MigrationInterface, QueryRunner } from 'typeorm';

const S = '"prospects"';

/**
 * GET /api/prospects lists newest change first (`updated_at DESC, id`) within the caller's scope: one index per
 * scope (a salesperson's own, a unit's, everyone's) in that order lets a page, and the keyset page after a
 * cursor, come straight from the index instead of sorting every visible row for each page.
 */
export class ListIndexes1765200000000 implements MigrationInterface {
  name = 'ListIndexes1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX prospect_list_owner_idx ON ${S}.prospect (owner_id, updated_at DESC, id)`);
    await runner.query(`CREATE INDEX prospect_list_unit_idx ON ${S}.prospect (unit_id, updated_at DESC, id)`);
    await runner.query(`CREATE INDEX prospect_list_idx ON ${S}.prospect (updated_at DESC, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of ['prospect_list_idx', 'prospect_list_unit_idx', 'prospect_list_owner_idx']) {
      await runner.query(`DROP INDEX ${S}.${index}`);
    }
  }
}
