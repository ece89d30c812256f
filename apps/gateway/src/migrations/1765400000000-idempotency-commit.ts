import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When the create under an `Idempotency-Key` committed, written in its own transaction (libs/chassis
 * idempotency-commit.ts): a key whose request died after the commit but before its answer was kept is never freed
 * for a second create.
 */
export class IdempotencyCommit1765400000000 implements MigrationInterface {
  name = 'IdempotencyCommit1765400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "gateway".idempotency_key ADD COLUMN committed_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "gateway".idempotency_key DROP COLUMN committed_at');
  }
}
