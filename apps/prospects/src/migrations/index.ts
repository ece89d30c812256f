import { Messaging1764201600000 } from './1764201600000-messaging';
import { Directory1764201700000 } from './1764201700000-directory';
import { Funnel1764300000000 } from './1764300000000-funnel';
import { Analytics1764400100000 } from './1764400100000-analytics';
import { AnalyticsCatchUp1764400200000 } from './1764400200000-analytics-catch-up';
import { OfferContributors1764500000000 } from './1764500000000-offer-contributors';
import { SampleContributors1764500100000 } from './1764500100000-sample-contributors';
import { BoardIndexes1764600000000 } from './1764600000000-board-indexes';
import { AnalyticsCredit1764700000000 } from './1764700000000-analytics-credit';
import { MessagingRecovery1765000000000 } from './1765000000000-messaging-recovery';
import { IdempotencyKeys1765000100000 } from './1765000100000-idempotency-keys';
import { TokenRevocation1765100000000 } from './1765100000000-token-revocation';
import { ListIndexes1765200000000 } from './1765200000000-list-indexes';
import { LostReasonHungarian1765300000000 } from './1765300000000-lost-reason-hungarian';
import { IdempotencyCommit1765400000000 } from './1765400000000-idempotency-commit';
import { BriefCusumRule1765500000000 } from './1765500000000-brief-cusum-rule';
import { ContractTasksDue1765700000000 } from './1765700000000-contract-tasks-due';

/** Applied in order at start (see libs/database migrateSchema). */
export const PROSPECTS_MIGRATIONS = [
  Messaging1764201600000,
  Directory1764201700000,
  Funnel1764300000000,
  Analytics1764400100000,
  AnalyticsCatchUp1764400200000,
  OfferContributors1764500000000,
  SampleContributors1764500100000,
  BoardIndexes1764600000000,
  AnalyticsCredit1764700000000,
  MessagingRecovery1765000000000,
  IdempotencyKeys1765000100000,
  TokenRevocation1765100000000,
  ListIndexes1765200000000,
  LostReasonHungarian1765300000000,
  IdempotencyCommit1765400000000,
  BriefCusumRule1765500000000,
  ContractTasksDue1765700000000,
];
