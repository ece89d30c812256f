import { ApiProperty } from '@nestjs/swagger';
import { JobEnvelope } from '@dealgate/messages';

/** One failed attempt of a job: which replay (0 = the first delivery), which attempt, and its error. */
export class FailedAttempt {
  replay!: number;
  attempt!: number;
  error!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  failedAt!: string;
}

/** A job that failed every attempt, with its envelope, kept for inspection and replay. */
export class DeadLetter {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;
  @ApiProperty({ type: String, format: 'uuid' })
  messageId!: string;
  jobName!: string;
  /** The job as it was sent: messageId, name, payload, correlationId, source, occurredAt. */
  @ApiProperty({ type: 'object', additionalProperties: true })
  envelope!: JobEnvelope;
  error!: string;
  attempts!: number;
  @ApiProperty({ type: String, format: 'date-time' })
  failedAt!: string;
  @ApiProperty({ type: String, format: 'date-time' })
  replayedAt!: string | null;
  replayCount!: number;
  /** Every failed attempt, oldest first, replays included: a replay that failed again shows here and is listed again. */
  @ApiProperty({ type: [FailedAttempt] })
  history!: FailedAttempt[];
}
