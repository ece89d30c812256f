import { IsISO8601, IsUUID } from 'class-validator';
import { JobName } from './job-name';

// Payloads carry ids and facts, never personal data or secrets: job stores and logs are not the place for them.

export class SystemPingPayload {
  @IsUUID()
  pingId!: string;

  @IsISO8601()
  sentAt!: string;
}

/** The payload type of each job: the discriminated union below is derived from it. */
export interface JobPayloads {
  [JobName.SystemPing]: SystemPingPayload;
}

/** The class that validates each job's payload on consume. */
export const JOB_PAYLOAD_CLASSES: { [N in JobName]: new () => JobPayloads[N] } = {
  [JobName.SystemPing]: SystemPingPayload,
};

/** A job as a discriminated union on `name`: narrowing on the name types the payload. */
export type JobMessage = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];
