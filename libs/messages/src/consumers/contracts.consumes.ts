import { JobName } from '../job-name';

/** The jobs the contracts service consumes. Add a name here only together with its handler in apps/contracts. */
export const CONTRACTS_CONSUMES: readonly JobName[] = [
  JobName.SystemPing,
  JobName.UserUpserted,
  JobName.UnitUpserted,
  JobName.OfferDefended,
  JobName.ApprovalDecided,
];
