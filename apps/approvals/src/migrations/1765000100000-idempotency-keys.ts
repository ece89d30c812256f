import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first response of each create sent with an `Idempotency-Key`, per caller (libs/chassis idempotency). */
export class IdempotencyKeys1765000100000 implements MigrationInterface {
  name = 'IdempotencyKeys1765000100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE "approvals".idempotency_key (
        principal text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        status integer,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (principal, key)
      )`);
    await runner.query('CREATE INDEX idempotency_key_created_idx ON "approvals".idempotency_key (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "approvals".idempotency_key');
  }
}
