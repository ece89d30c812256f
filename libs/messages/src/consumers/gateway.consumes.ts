import { JobName } from '../job-name';

/** The jobs the gateway service consumes. Add a name here only together with its handler in apps/gateway. */
export const GATEWAY_CONSUMES: readonly JobName[] = [JobName.SystemPing];
