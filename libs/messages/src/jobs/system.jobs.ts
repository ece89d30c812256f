import { IsISO8601, IsUUID } from 'class-validator';
import type { PayloadsOf } from './payloads-of';

export const SystemJob = {
  /** A round trip through every service: proves the plumbing (outbox -> relay -> queue -> inbox). */
  SystemPing: 'system.ping',
} as const;

export class SystemPingPayload {
  @IsUUID()
  pingId!: string;

  @IsISO8601()
  sentAt!: string;
}

export const SYSTEM_PAYLOAD_CLASSES = { [SystemJob.SystemPing]: SystemPingPayload };

export type SystemPayloads = PayloadsOf<typeof SYSTEM_PAYLOAD_CLASSES>;
