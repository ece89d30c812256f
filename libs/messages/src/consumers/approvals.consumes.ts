import { JobName } from '../job-name';

/** The jobs the approvals service consumes. Add a name here only together with its handler in apps/approvals. */
export const APPROVALS_CONSUMES: readonly JobName[] = [
  JobName.SystemPing,
  JobName.UserUpserted,
  JobName.UnitUpserted,
  JobName.ApprovalRequested,
  JobName.ApprovalVoided,
  JobName.ApprovalOverruled,
];
