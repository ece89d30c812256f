import { IsISO8601, IsUUID } from 'class-validator';

export const SystemJob = {
  /** A round trip through every service: proves the plumbing (outbox -> relay -> queue -> inbox). */
  Ping: 'system.ping',
} as const;

export class SystemPingPayload {
  @IsUUID()
  pingId!: string;

  @IsISO8601()
  sentAt!: string;
}

export interface SystemPayloads {
  [SystemJob.Ping]: SystemPingPayload;
}

export const SYSTEM_PAYLOAD_CLASSES = { [SystemJob.Ping]: SystemPingPayload };
