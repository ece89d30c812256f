import { Messaging1764201600000 } from './1764201600000-messaging';
import { Identity1764300000000 } from './1764300000000-identity';
import { MustChangePassword1764900000000 } from './1764900000000-must-change-password';
import { MessagingRecovery1765000000000 } from './1765000000000-messaging-recovery';
import { IdempotencyKeys1765000100000 } from './1765000100000-idempotency-keys';
import { TokenVersion1765100000000 } from './1765100000000-token-version';
import { IdempotencyCommit1765400000000 } from './1765400000000-idempotency-commit';

/** Applied in order at start (see libs/database migrateSchema). */
export const GATEWAY_MIGRATIONS = [
  Messaging1764201600000,
  Identity1764300000000,
  MustChangePassword1764900000000,
  MessagingRecovery1765000000000,
  IdempotencyKeys1765000100000,
  TokenVersion1765100000000,
  IdempotencyCommit1765400000000,
];
