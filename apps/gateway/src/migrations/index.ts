import { Messaging1764201600000 } from './1764201600000-messaging';
import { Identity1764300000000 } from './1764300000000-identity';

/** Applied in order at start (see libs/database migrateSchema). */
export const GATEWAY_MIGRATIONS = [Messaging1764201600000, Identity1764300000000];
