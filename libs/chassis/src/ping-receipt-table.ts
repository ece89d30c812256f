import { QueryRunner } from 'typeorm';

/** Schema piece of the messaging migrations (1764201600000 in every service): frozen, see tools/migrations. */
export async function createPingReceiptTable(runner: QueryRunner, schema: string): Promise<void> {
  // No unique key on purpose: the inbox alone must keep a redelivered ping from being recorded twice.
  await runner.query(`
    CREATE TABLE "${schema}".ping_receipt (
      id bigserial PRIMARY KEY,
      ping_id uuid NOT NULL,
      message_id uuid NOT NULL,
      source text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
}
