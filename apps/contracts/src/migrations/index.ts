import { Messaging1764201600000 } from './1764201600000-messaging';
import { Directory1764201700000 } from './1764201700000-directory';
import { Contracts1764300000000 } from './1764300000000-contracts';
import { TaskResult1764500000000 } from './1764500000000-task-result';
import { MessagingRecovery1765000000000 } from './1765000000000-messaging-recovery';
import { IdempotencyKeys1765000100000 } from './1765000100000-idempotency-keys';
import { TokenRevocation1765100000000 } from './1765100000000-token-revocation';
import { IdempotencyCommit1765400000000 } from './1765400000000-idempotency-commit';
import { TasksDueSequence1765700000000 } from './1765700000000-tasks-due-sequence';

/** Applied in order at start (see libs/database migrateSchema). */
export const CONTRACTS_MIGRATIONS = [
  Messaging1764201600000,
  Directory1764201700000,
  Contracts1764300000000,
  TaskResult1764500000000,
  MessagingRecovery1765000000000,
  IdempotencyKeys1765000100000,
  TokenRevocation1765100000000,
  IdempotencyCommit1765400000000,
  TasksDueSequence1765700000000,
];
