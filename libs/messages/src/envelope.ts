import { IsEnum, IsIn, IsISO8601, IsObject, IsString, IsUUID, MaxLength } from 'class-validator';
import { ALL_JOB_NAMES, JobName } from './job-name';
import { JobPayloads } from './payloads';
import { ServiceName } from './service-name';

/** What travels in `job.data`: the payload plus the facts every consumer needs to dedupe and trace it. */
export interface JobEnvelope<N extends JobName = JobName> {
  /** The outbox row id: the BullMQ job id in every consumer queue and the consumer's inbox key. */
  messageId: string;
  name: N;
  payload: JobPayloads[N];
  /** Follows one user action across services and into the logs. */
  correlationId: string;
  source: ServiceName;
  occurredAt: string;
}

/** Validates the envelope shape on consume (the payload is validated by its own class). */
export class JobEnvelopeShape {
  @IsUUID()
  messageId!: string;

  @IsIn(ALL_JOB_NAMES)
  name!: JobName;

  @IsObject()
  payload!: object;

  @IsString()
  @MaxLength(200)
  correlationId!: string;

  @IsEnum(ServiceName)
  source!: ServiceName;

  @IsISO8601()
  occurredAt!: string;
}
