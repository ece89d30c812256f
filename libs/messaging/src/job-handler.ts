import { EntityManager } from 'typeorm';
import { JobEnvelope, JobName, JobPayloads } from '@dealgate/messages';

export interface JobContext {
  /** The transaction that also records the inbox row: write the handler's effect with it. */
  manager: EntityManager;
  envelope: JobEnvelope;
}

/** One handler per consumed job name; its effect commits with the inbox row, so a redelivery is a no-op. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  handle(payload: JobPayloads[N], context: JobContext): Promise<void>;
}
