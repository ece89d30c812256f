/** The five services. Values name queues and database schemas: never rename. */
export enum ServiceName {
  Gateway = 'gateway',
  Prospects = 'prospects',
  Approvals = 'approvals',
  Contracts = 'contracts',
  Notifications = 'notifications',
}

export const ALL_SERVICES: readonly ServiceName[] = Object.values(ServiceName);

/** Each service consumes one queue; producers fan a job out to every consumer's queue. */
export function queueNameOf(service: ServiceName): string {
  // BullMQ reserves ':' as its key separator, so the name uses '-'.
  return `dealgate-${service}`;
}
