import { DirectoryUnitEntity } from './directory/directory-unit.entity';
import { DirectoryUserEntity } from './directory/directory-user.entity';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { PingReceiptEntity } from './ping-receipt.entity';

/**
 * The chassis's tables in every service's schema, registered with its data source next to the service's own
 * entities (ChassisModule). Mappings only: each service's migrations build the tables, and
 * tools/migrations/entities-match-schema.int-spec.ts checks these against every schema.
 */
export const CHASSIS_ENTITIES = [IdempotencyKeyEntity, PingReceiptEntity];

/** The directory copy's tables: only a service kept with `directory: true` has them (not the gateway). */
export const DIRECTORY_ENTITIES = [DirectoryUserEntity, DirectoryUnitEntity];

/** The chassis entities a service's data source registers, by whether it keeps a directory copy. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function chassisEntities(directory: boolean): Function[] {
  return directory ? [...CHASSIS_ENTITIES, ...DIRECTORY_ENTITIES] : [...CHASSIS_ENTITIES];
}
