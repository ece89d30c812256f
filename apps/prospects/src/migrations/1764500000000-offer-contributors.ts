import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everyone who wrote the content of an offer version (its author, anyone who edited it, the authors of the version
 * it was revised from): none of them may approve it.
 */
export class OfferContributors1764500000000 implements MigrationInterface {
  name = 'OfferContributors1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "prospects".offer ADD COLUMN contributor_ids uuid[] NOT NULL DEFAULT '{}'`);
    await runner.query(`UPDATE "prospects".offer SET contributor_ids = ARRAY[author_id]`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "prospects".offer DROP COLUMN contributor_ids`);
  }
}
