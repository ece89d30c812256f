/** Exponential backoff: base, 2×base, 4×base, … capped. Attempt numbers start at 1. */
export function backoffMs(attempt: number, baseMs: number, capMs = 6 * 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export type AttemptOutcome = { kind: 'retry'; at: Date } | { kind: 'give_up' };

/** What follows a failed attempt of an e-mail or a webhook delivery: retry later, or stop (bounded retries). */
export function afterFailedAttempt(input: {
  attempts: number;
  maxAttempts: number;
  now: Date;
  baseMs: number;
}): AttemptOutcome {
  if (input.attempts >= input.maxAttempts) return { kind: 'give_up' };
  return { kind: 'retry', at: new Date(input.now.getTime() + backoffMs(input.attempts, input.baseMs)) };
}

/** A webhook whose deliveries keep failing is switched off instead of being hammered forever. */
export function shouldDisableWebhook(consecutiveFailures: number, disableAfter: number): boolean {
  return consecutiveFailures >= disableAfter;
}
