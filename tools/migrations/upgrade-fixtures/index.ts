import type { Service } from '../schema-snapshot';
import { approvalsRows } from './approvals';
import { contractsRows } from './contracts';
import { gatewayRows } from './gateway';
import { notificationsRows } from './notifications';
import { prospectsRows } from './prospects';

/**
 * Rows a database of the last release holds, per service: plain INSERTs against the schema the release point built
 * (names unqualified: they run with the service's search_path). When release.json moves forward they are brought to
 * that release's schema, with rows for any table it added.
 */
export const UPGRADE_FIXTURES: Record<Service, string> = {
  approvals: approvalsRows,
  contracts: contractsRows,
  gateway: gatewayRows,
  notifications: notificationsRows,
  prospects: prospectsRows,
};
