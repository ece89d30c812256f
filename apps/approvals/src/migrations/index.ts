import { Messaging1764201600000 } from './1764201600000-messaging';
import { Directory1764201700000 } from './1764201700000-directory';
import { Approvals1764300000000 } from './1764300000000-approvals';
import { FrozenRequests1764300100000 } from './1764300100000-frozen-requests';
import { SubjectAuthors1764300200000 } from './1764300200000-subject-authors';
import { MessagingRecovery1765000000000 } from './1765000000000-messaging-recovery';
import { IdempotencyKeys1765000100000 } from './1765000100000-idempotency-keys';
import { TokenRevocation1765100000000 } from './1765100000000-token-revocation';
import { IdempotencyCommit1765400000000 } from './1765400000000-idempotency-commit';

/** Applied in order at start (see libs/database migrateSchema). */
export const APPROVALS_MIGRATIONS = [
  Messaging1764201600000,
  Directory1764201700000,
  Approvals1764300000000,
  FrozenRequests1764300100000,
  SubjectAuthors1764300200000,
  MessagingRecovery1765000000000,
  IdempotencyKeys1765000100000,
  TokenRevocation1765100000000,
  IdempotencyCommit1765400000000,
];
