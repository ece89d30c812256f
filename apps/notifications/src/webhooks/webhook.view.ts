import { ApiProperty } from '@nestjs/swagger';

export class WebhookRecord {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  url!: string;
  eventTypes!: string[];
  description!: string | null;
  active!: boolean;
  consecutiveFailures!: number;
  disabledAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid' })
  createdBy!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export class DeliveryAttemptView {
  attempt!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  at!: string;
  statusCode!: number | null;
  error!: string | null;
  durationMs!: number;
}

export class DeliveryRecord {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  messageId!: string;
  eventType!: string;
  status!: string;
  attempts!: number;
  nextAttemptAt!: Date | null;
  lastStatusCode!: number | null;
  lastError!: string | null;
  createdAt!: Date;
  deliveredAt!: Date | null;
  log!: DeliveryAttemptView[];
}
