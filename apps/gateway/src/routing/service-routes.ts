import { ServiceName } from '@dealgate/messages';
import { GatewayEnv } from '../gateway.env';

/** Which service owns each public resource under /api. The gateway forwards the path unchanged. */
export const RESOURCE_OWNERS: Record<string, Exclude<ServiceName, ServiceName.Gateway>> = {
  'product-lines': ServiceName.Prospects,
  samples: ServiceName.Prospects,
  prospects: ServiceName.Prospects,
  offers: ServiceName.Prospects,
  plans: ServiceName.Prospects,
  analytics: ServiceName.Prospects,
  approvals: ServiceName.Approvals,
  contracts: ServiceName.Contracts,
  tasks: ServiceName.Contracts,
  notifications: ServiceName.Notifications,
  webhooks: ServiceName.Notifications,
};

export type BackendService = Exclude<ServiceName, ServiceName.Gateway>;

export const BACKEND_SERVICES: readonly BackendService[] = [
  ServiceName.Prospects,
  ServiceName.Approvals,
  ServiceName.Contracts,
  ServiceName.Notifications,
];

export function serviceUrls(config: GatewayEnv): Record<BackendService, string> {
  return {
    [ServiceName.Prospects]: config.PROSPECTS_URL,
    [ServiceName.Approvals]: config.APPROVALS_URL,
    [ServiceName.Contracts]: config.CONTRACTS_URL,
    [ServiceName.Notifications]: config.NOTIFICATIONS_URL,
  };
}

/** `/api/ops/<service>/...` reaches that service's `/api/ops/...` (dead letters and other admin endpoints). */
export function opsTarget(path: string): { service: ServiceName; rest: string } | null {
  const match = /^\/api\/ops\/([a-z]+)(\/.*)?$/.exec(path);
  if (!match) return null;
  const service = match[1] as ServiceName;
  return Object.values(ServiceName).includes(service) ? { service, rest: `/api/ops${match[2] ?? ''}` } : null;
}
