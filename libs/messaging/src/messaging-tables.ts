import { QueryRunner } from 'typeorm';

/**
 * The outbox, inbox and dead-letter tables every service keeps in its own schema, for the medium tests and benchmarks
 * of this library that work in a scratch schema. A service's own tables come from its migrations: 1764201600000-messaging.ts
 * holds a frozen copy of this SQL, and later migrations change those tables.
 */
export async function createMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    CREATE TABLE "${schema}".outbox (
      id uuid PRIMARY KEY,
      job_name text NOT NULL,
      payload jsonb NOT NULL,
      correlation_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`);
  // The relay only ever looks for unsent rows; a partial index keeps that scan tiny however large the table grows.
  await runner.query(`CREATE INDEX outbox_unsent_idx ON "${schema}".outbox (created_at) WHERE sent_at IS NULL`);
  await runner.query(`
    CREATE TABLE "${schema}".inbox (
      message_id uuid PRIMARY KEY,
      job_name text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now()
    )`);
  await runner.query(`
    CREATE TABLE "${schema}".dead_letter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      message_id text NOT NULL,
      job_name text NOT NULL,
      envelope jsonb NOT NULL,
      error text NOT NULL,
      attempts integer NOT NULL,
      failed_at timestamptz NOT NULL DEFAULT now(),
      replayed_at timestamptz,
      replay_count integer NOT NULL DEFAULT 0,
      UNIQUE (message_id, attempts)
    )`);
  await runner.query(`CREATE INDEX dead_letter_failed_at_idx ON "${schema}".dead_letter (failed_at DESC)`);
}

export async function dropMessagingTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".dead_letter, "${schema}".inbox, "${schema}".outbox`);
}
