import { APPROVALS_CONSUMES } from './consumers/approvals.consumes';
import { CONTRACTS_CONSUMES } from './consumers/contracts.consumes';
import { GATEWAY_CONSUMES } from './consumers/gateway.consumes';
import { NOTIFICATIONS_CONSUMES } from './consumers/notifications.consumes';
import { PROSPECTS_CONSUMES } from './consumers/prospects.consumes';
import { ALL_JOB_NAMES, JobName } from './job-name';
import { ServiceName } from './service-name';

/** What each service consumes, declared by the consumer (one file per service under consumers/). */
export const CONSUMES: { readonly [S in ServiceName]: readonly JobName[] } = {
  [ServiceName.Gateway]: GATEWAY_CONSUMES,
  [ServiceName.Prospects]: PROSPECTS_CONSUMES,
  [ServiceName.Approvals]: APPROVALS_CONSUMES,
  [ServiceName.Contracts]: CONTRACTS_CONSUMES,
  [ServiceName.Notifications]: NOTIFICATIONS_CONSUMES,
};

/**
 * Who consumes what. A job is published once per consumer, to that consumer's queue (fan-out), with the same
 * job id, so each consumer deduplicates it in its own inbox. A job nobody consumes is marked sent and dropped.
 */
export const ROUTES: { readonly [N in JobName]: readonly ServiceName[] } = Object.fromEntries(
  ALL_JOB_NAMES.map((name) => [
    name,
    (Object.keys(CONSUMES) as ServiceName[]).filter((s) => CONSUMES[s].includes(name)),
  ]),
) as { [N in JobName]: ServiceName[] };

export function consumersOf(name: JobName): readonly ServiceName[] {
  return ROUTES[name] ?? [];
}

export function jobsConsumedBy(service: ServiceName): JobName[] {
  return [...CONSUMES[service]];
}
