/**
 * A periodic job of one service (reminders, escalations, stall checks). Deadlines live in PostgreSQL; a sweep
 * finds what is due at `now` and acts idempotently (a key per item and level), so it may run any number of times
 * and survives the loss of the queue store. Run on a timer of every replica (sweep-timers.ts).
 */
export interface Sweep {
  /** Lowercase letters, digits and dashes; unique within the service. */
  readonly name: string;
  readonly everyMs: number;
  /**
   * The commit mark (`markForCommitWake`) of the transactions that give this sweep work: each such commit in this
   * process runs the sweep at once, so `everyMs` is only its safety poll (retries, other replicas' work).
   */
  readonly wakeOnCommitOf?: string;
  run(now: Date): Promise<void>;
}

/**
 * Job names of sweep runs (jobs of the schedulers older versions registered; also the metrics' label of a sweep):
 * internal to a service, never routed, never inbox-deduplicated.
 */
export const SWEEP_JOB_PREFIX = 'sweep.';
