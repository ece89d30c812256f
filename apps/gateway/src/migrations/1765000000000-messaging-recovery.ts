import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the messaging needs to recover: every failed attempt of a job, so that a dead letter shows its whole history
 * (libs/messaging dead-letters.ts), and an index on the outbox's sent rows, so that after a queue store reset the
 * relay finds the recently sent ones to publish again (store-reset.ts).
 */
export class MessagingRecovery1765000000000 implements MigrationInterface {
  name = 'MessagingRecovery1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "gateway".failed_attempt (
        message_id text NOT NULL,
        replay integer NOT NULL,
        attempt integer NOT NULL,
        error text NOT NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, replay, attempt)
      )`);
    await runner.query('CREATE INDEX outbox_sent_idx ON "gateway".outbox (sent_at) WHERE sent_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "gateway".outbox_sent_idx');
    await runner.query('DROP TABLE "gateway".failed_attempt');
  }
}
