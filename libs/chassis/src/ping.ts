import { Injectable } from '@nestjs/common';
import { QueryRunner } from 'typeorm';
import { JobName, SystemPingPayload } from '@dealgate/messages';
import { JobContext, JobHandler } from '@dealgate/messaging';

/** Records each ping once: the round-trip test counts these rows in every service. */
@Injectable()
export class PingHandler implements JobHandler<typeof JobName.SystemPing> {
  readonly jobName = JobName.SystemPing;

  async handle(payload: SystemPingPayload, { manager, envelope }: JobContext): Promise<void> {
    await manager.query('INSERT INTO ping_receipt (ping_id, message_id, source) VALUES ($1, $2, $3)', [
      payload.pingId,
      envelope.messageId,
      envelope.source,
    ]);
  }
}

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
