import { MigrationInterface, QueryRunner } from 'typeorm';

/** Everyone who wrote a target sample (its author, anyone who changed it): none of them may approve it. */
export class SampleContributors1764500100000 implements MigrationInterface {
  name = 'SampleContributors1764500100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "prospects".target_sample ADD COLUMN contributor_ids uuid[] NOT NULL DEFAULT '{}'`);
    await runner.query(`UPDATE "prospects".target_sample SET contributor_ids = ARRAY[author_id]`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "prospects".target_sample DROP COLUMN contributor_ids`);
  }
}
