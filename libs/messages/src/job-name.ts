import { ApprovalJob } from './jobs/approval.jobs';
import { ContractJob } from './jobs/contract.jobs';
import { FunnelJob } from './jobs/funnel.jobs';
import { IdentityJob } from './jobs/identity.jobs';
import { SystemJob } from './jobs/system.jobs';

/**
 * Every job on the wire: the union of the areas' names (job-name.spec.ts checks that no key or value is taken twice).
 * Values are persisted in outboxes, inboxes and dead letters: never rename or reuse one. Each area file owns its
 * names and payload classes; the payload types derive from the classes.
 */
export const JobName = {
  ...SystemJob,
  ...IdentityJob,
  ...FunnelJob,
  ...ApprovalJob,
  ...ContractJob,
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
