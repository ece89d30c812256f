import { Messaging1764201600000 } from './1764201600000-messaging';

/** Applied in order at start (see libs/database migrateSchema). */
export const APPROVALS_MIGRATIONS = [Messaging1764201600000];
