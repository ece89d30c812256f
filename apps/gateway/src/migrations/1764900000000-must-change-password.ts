import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A user whose password someone else chose (the generated first admin, or an admin's reset) must change it at the
 * next login: the console sends them to the change-password page until they do.
 */
export class MustChangePassword1764900000000 implements MigrationInterface {
  name = 'MustChangePassword1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "gateway".app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "gateway".app_user DROP COLUMN must_change_password`);
  }
}
