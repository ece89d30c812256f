import { JobName } from '../job-name';

/** The jobs the prospects service consumes. Add a name here only together with its handler in apps/prospects. */
export const PROSPECTS_CONSUMES: readonly JobName[] = [
  JobName.SystemPing,
  JobName.UserUpserted,
  JobName.UnitUpserted,
  JobName.ApprovalDecided,
  JobName.ContractSigned,
  JobName.ContractTasksDue,
];
