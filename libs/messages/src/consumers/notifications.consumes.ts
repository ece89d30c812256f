import { JobName } from '../job-name';

/** The jobs the notifications service consumes. Add a name here only together with its handler in apps/notifications. */
export const NOTIFICATIONS_CONSUMES: readonly JobName[] = [JobName.SystemPing, JobName.UserUpserted, JobName.UnitUpserted];
