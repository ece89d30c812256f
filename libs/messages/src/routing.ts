import { JobName } from './job-name';
import { ALL_SERVICES, ServiceName } from './service-name';

/**
 * Who consumes what. A job is published once per consumer, to that consumer's queue (fan-out), with the same
 * job id, so each consumer deduplicates it in its own inbox. A service never consumes a job it is not listed for.
 */
export const ROUTES: { readonly [N in JobName]: readonly ServiceName[] } = {
  [JobName.SystemPing]: ALL_SERVICES,
};

export function consumersOf(name: JobName): readonly ServiceName[] {
  return ROUTES[name];
}

export function jobsConsumedBy(service: ServiceName): JobName[] {
  return (Object.keys(ROUTES) as JobName[]).filter((name) => ROUTES[name].includes(service));
}
