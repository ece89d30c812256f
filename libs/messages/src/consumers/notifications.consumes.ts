import { JobName } from '../job-name';

/** The jobs the notifications service consumes. Add a name here only together with its handler in apps/notifications. */
export const NOTIFICATIONS_CONSUMES: readonly JobName[] = [
  JobName.SystemPing,
  JobName.UserUpserted,
  JobName.UnitUpserted,
  // Domain events that tell someone something (apps/notifications/src/intake/notification.handlers.ts).
  JobName.StageChanged,
  JobName.OfferDefended,
  JobName.ProspectStalled,
  JobName.NormBreached,
  JobName.EarlyWarningRaised,
  JobName.ApprovalStepOpened,
  JobName.ApprovalSlaBreached,
  JobName.ApprovalDecided,
  JobName.ContractOpened,
  JobName.TaskAssigned,
  JobName.TaskOverdue,
  JobName.ContractSigned,
];
