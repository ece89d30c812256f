import { ApiProperty } from '@nestjs/swagger';
import { JobEnvelope } from '@dealgate/messages';

/** A job that failed every attempt, with its envelope, kept for inspection and replay. */
export class DeadLetter {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  messageId!: string;
  jobName!: string;
  /** The job as it was sent: messageId, name, payload, correlationId, source, occurredAt. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  envelope!: JobEnvelope;
  error!: string;
  attempts!: number;
  @ApiProperty({ format: 'date-time' })
  failedAt!: string;
  @ApiProperty({ format: 'date-time' })
  replayedAt!: string | null;
  replayCount!: number;
}
