import { Type } from '@nestjs/common';
import { ServiceEnv } from '@dealgate/common';
import { ServiceName } from '@dealgate/messages';
import { QueueSettings, Sweep } from '@dealgate/messaging';

export const CHASSIS_OPTIONS = Symbol('CHASSIS_OPTIONS');

export interface ChassisOptions {
  service: ServiceName;
  config: ServiceEnv;
  queue: QueueSettings;
  /** The service's own entities; ChassisModule adds the chassis's beside them (chassisEntities). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** Periodic jobs of the service (see libs/messaging sweep.ts). */
  sweeps?: Type<Sweep>[];
  /**
   * Keep a copy of the user directory from identity events (needs the directory tables in a migration and
   * `user.upserted` / `unit.upserted` in the service's consumes list). Provides DirectoryService.
   */
  directory?: boolean;
}
