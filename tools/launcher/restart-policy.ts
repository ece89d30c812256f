/** How the launcher spaces the restarts of a service that keeps dying. */
export interface RestartPolicy {
  /** The first restart waits this long. */
  baseDelayMs: number;
  /** No restart waits longer than this, however often the service died. */
  maxDelayMs: number;
  /** Only exits within this window count: a service that stayed up longer starts again from the base delay. */
  windowMs: number;
  /** This many exits within the window make a crash loop, said in one line. */
  loopAfter: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  windowMs: 60_000,
  loopAfter: 3,
};

/** The exits that still count at `now`: those inside the window. */
export function recentExits(exits: readonly number[], now: number, policy: RestartPolicy): number[] {
  return exits.filter((at) => now - at < policy.windowMs);
}

/**
 * The delay before the next start, given the exits inside the window (the one just seen included): doubling from the
 * base delay per recent exit, capped. A service killed once after a quiet minute comes back after the base delay.
 */
export function restartDelay(recent: number, policy: RestartPolicy): number {
  const doublings = Math.max(0, recent - 1);
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(doublings, 30));
}

export function isCrashLooping(recent: number, policy: RestartPolicy): boolean {
  return recent >= policy.loopAfter;
}
