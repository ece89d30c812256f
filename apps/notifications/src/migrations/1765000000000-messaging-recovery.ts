import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every failed attempt of a job, kept so that a dead letter shows its whole history (each attempt's error, replays
 * included). Written outside the handler's rolled-back transaction; see libs/messaging dead-letters.ts.
 */
export class FailedAttempts1765000000000 implements MigrationInterface {
  name = 'FailedAttempts1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "notifications".failed_attempt (
        message_id text NOT NULL,
        replay integer NOT NULL,
        attempt integer NOT NULL,
        error text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, replay, attempt)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "notifications".failed_attempt');
  }
}
