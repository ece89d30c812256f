import { JobName, SystemPingPayload } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';

/** Records each ping once: the round-trip test counts these rows in every service. */
@HandlesJob(JobName.SystemPing)
export class PingHandler implements JobHandler<typeof JobName.SystemPing> {
  async handle(payload: SystemPingPayload, { manager, envelope }: JobContext): Promise<void> {
    await manager.query('INSERT INTO ping_receipt (ping_id, message_id, source) VALUES ($1, $2, $3)', [
      payload.pingId,
      envelope.messageId,
      envelope.source,
    ]);
  }
}
