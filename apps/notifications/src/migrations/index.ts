import { Messaging1764201600000 } from './1764201600000-messaging';
import { Directory1764201700000 } from './1764201700000-directory';
import { Notifications1764400000000 } from './1764400000000-notifications';
import { NotificationData1764900000000 } from './1764900000000-notification-data';
import { MessagingRecovery1765000000000 } from './1765000000000-messaging-recovery';
import { IdempotencyKeys1765000100000 } from './1765000100000-idempotency-keys';
import { TokenRevocation1765100000000 } from './1765100000000-token-revocation';
import { IdempotencyCommit1765400000000 } from './1765400000000-idempotency-commit';

/** Applied in order at start (see libs/database migrateSchema). */
export const NOTIFICATIONS_MIGRATIONS = [
  Messaging1764201600000,
  Directory1764201700000,
  Notifications1764400000000,
  NotificationData1764900000000,
  MessagingRecovery1765000000000,
  IdempotencyKeys1765000100000,
  TokenRevocation1765100000000,
  IdempotencyCommit1765400000000,
];
