import { MigrationInterface, QueryRunner } from 'typeorm';

// The SQL as this migration shipped, written out so it stays as it ran: it used to call createMessagingTables
// (libs/messaging) and createPingReceiptTable (libs/chassis), whose later edits would have changed a fresh database
// and not the ones already migrated. Frozen: a change is a new migration (tools/migrations).

const CREATE_OUTBOX = `
    CREATE TABLE "prospects".outbox (
      id uuid PRIMARY KEY,
      job_name text NOT NULL,
      payload jsonb NOT NULL,
      correlation_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz
    )`;
// The relay only ever looks for unsent rows; a partial index keeps that scan tiny however large the table grows.
const CREATE_OUTBOX_UNSENT_INDEX = `CREATE INDEX outbox_unsent_idx ON "prospects".outbox (created_at) WHERE sent_at IS NULL`;
const CREATE_INBOX = `
    CREATE TABLE "prospects".inbox (
      message_id uuid PRIMARY KEY,
      job_name text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now()
    )`;
const CREATE_DEAD_LETTER = `
    CREATE TABLE "prospects".dead_letter (
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
    )`;
const CREATE_DEAD_LETTER_FAILED_AT_INDEX = `CREATE INDEX dead_letter_failed_at_idx ON "prospects".dead_letter (failed_at DESC)`;
// No unique key on purpose: the inbox alone must keep a redelivered ping from being recorded twice.
const CREATE_PING_RECEIPT = `
    CREATE TABLE "prospects".ping_receipt (
      id bigserial PRIMARY KEY,
      ping_id uuid NOT NULL,
      message_id uuid NOT NULL,
      source text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`;

export class Messaging1764201600000 implements MigrationInterface {
  name = 'Messaging1764201600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(CREATE_OUTBOX);
    await runner.query(CREATE_OUTBOX_UNSENT_INDEX);
    await runner.query(CREATE_INBOX);
    await runner.query(CREATE_DEAD_LETTER);
    await runner.query(CREATE_DEAD_LETTER_FAILED_AT_INDEX);
    await runner.query(CREATE_PING_RECEIPT);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "prospects".ping_receipt');
    await runner.query(`DROP TABLE "prospects".dead_letter, "prospects".inbox, "prospects".outbox`);
  }
}
