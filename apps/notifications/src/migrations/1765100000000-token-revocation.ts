import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory copy learns each user's token version and recently ended sessions from `user.upserted` (issue #16):
 * the guard refuses a token signed with an older version or for an ended session. Rows that predate it start at 0.
 */
export class TokenRevocation1765100000000 implements MigrationInterface {
  name = 'TokenRevocation1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "notifications".directory_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`,
    );
    await runner.query(
      `ALTER TABLE "notifications".directory_user ADD COLUMN revoked_sessions uuid[] NOT NULL DEFAULT '{}'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE "notifications".directory_user DROP COLUMN token_version, DROP COLUMN revoked_sessions`,
    );
  }
}
