import { APPROVAL_PAYLOAD_CLASSES, ApprovalPayloads } from './jobs/approval.jobs';
import { CONTRACT_PAYLOAD_CLASSES, ContractPayloads } from './jobs/contract.jobs';
import { FUNNEL_PAYLOAD_CLASSES, FunnelPayloads } from './jobs/funnel.jobs';
import { IDENTITY_PAYLOAD_CLASSES, IdentityPayloads } from './jobs/identity.jobs';
import { SYSTEM_PAYLOAD_CLASSES, SystemPayloads } from './jobs/system.jobs';
import { JobName } from './job-name';

// Payloads carry ids and business facts, never secrets; personal data travels sealed (personal-data.ts).

/** The payload type of each job: the discriminated union below is derived from it. */
export type JobPayloads = SystemPayloads & IdentityPayloads & FunnelPayloads & ApprovalPayloads & ContractPayloads;

/** The class that validates each job's payload on consume. */
export const JOB_PAYLOAD_CLASSES: { [N in JobName]: new () => JobPayloads[N] } = {
  ...SYSTEM_PAYLOAD_CLASSES,
  ...IDENTITY_PAYLOAD_CLASSES,
  ...FUNNEL_PAYLOAD_CLASSES,
  ...APPROVAL_PAYLOAD_CLASSES,
  ...CONTRACT_PAYLOAD_CLASSES,
};

/** A job as a discriminated union on `name`: narrowing on the name types the payload. */
export type JobMessage = { [N in JobName]: { name: N; payload: JobPayloads[N] } }[JobName];
