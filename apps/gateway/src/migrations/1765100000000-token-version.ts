import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each user's token version (issue #16): bumped when a password, the roles, the unit or the activation change, or
 * at "log out everywhere"; an access token signed with an older one is refused at the gateway and every service.
 */
export class TokenVersion1765100000000 implements MigrationInterface {
  name = 'TokenVersion1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE "gateway".app_user ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    // Ended sessions of a user within the last minutes, for the directory job (see session-revocations.ts).
    await runner.query(
      `CREATE INDEX refresh_token_revoked_idx ON "gateway".refresh_token (user_id, revoked_at) WHERE revoked_at IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX "gateway".refresh_token_revoked_idx`);
    await runner.query(`ALTER TABLE "gateway".app_user DROP COLUMN token_version`);
  }
}
