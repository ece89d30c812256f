import { ApprovalJob } from './jobs/approval.jobs';
import { ContractJob } from './jobs/contract.jobs';
import { FunnelJob } from './jobs/funnel.jobs';
import { IdentityJob } from './jobs/identity.jobs';
import { SystemJob } from './jobs/system.jobs';

/**
 * Every job on the wire, by area. Values are persisted in outboxes, inboxes and dead letters: never rename or
 * reuse one. Each area file owns its names, payload classes and payload types.
 */
export const JobName = {
  SystemPing: SystemJob.Ping,
  UserUpserted: IdentityJob.UserUpserted,
  UnitUpserted: IdentityJob.UnitUpserted,
  StageChanged: FunnelJob.StageChanged,
  OfferDefended: FunnelJob.OfferDefended,
  ProspectStalled: FunnelJob.ProspectStalled,
  NormBreached: FunnelJob.NormBreached,
  EarlyWarningRaised: FunnelJob.EarlyWarningRaised,
  ApprovalRequested: ApprovalJob.Requested,
  ApprovalVoided: ApprovalJob.Voided,
  ApprovalStepOpened: ApprovalJob.StepOpened,
  ApprovalSlaBreached: ApprovalJob.SlaBreached,
  ApprovalDecided: ApprovalJob.Decided,
  ApprovalOverruled: ApprovalJob.Overruled,
  ContractOpened: ContractJob.Opened,
  TaskAssigned: ContractJob.TaskAssigned,
  TaskOverdue: ContractJob.TaskOverdue,
  ContractSigned: ContractJob.Signed,
} as const;

export type JobName = (typeof JobName)[keyof typeof JobName];

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
