import { JobName, SystemPingPayload } from '@dealgate/messages';
import { HandlesJob, JobContext, JobHandler } from '@dealgate/messaging';
import { PingReceiptEntity } from './ping-receipt.entity';

/** Records each ping once: the round-trip test counts these rows in every service. */
@HandlesJob(JobName.SystemPing)
export class PingHandler implements JobHandler<typeof JobName.SystemPing> {
  async handle(payload: SystemPingPayload, { manager, envelope }: JobContext): Promise<void> {
    await manager.insert(PingReceiptEntity, {
      pingId: payload.pingId,
      messageId: envelope.messageId,
      source: envelope.source,
    });
  }
}
