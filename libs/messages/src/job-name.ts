/** Every job on the wire. Values are persisted in outboxes, inboxes and dead letters: never rename or reuse one. */
export enum JobName {
  /** A round trip through every service: proves the plumbing (outbox -> relay -> queue -> inbox). */
  SystemPing = 'system.ping',
}

export const ALL_JOB_NAMES: readonly JobName[] = Object.values(JobName);
