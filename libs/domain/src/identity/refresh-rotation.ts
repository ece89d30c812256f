/** What the gateway knows about a presented refresh token (by its hash). */
export interface RefreshTokenState {
  expiresAt: Date;
  /** Set when the token was exchanged for a new one: a second exchange is a replay. */
  rotatedAt: Date | null;
  /** Set by logout, password change, deactivation or a detected reuse: the whole family is dead. */
  revokedAt: Date | null;
  userActive: boolean;
}

export type RefreshDecision =
  | { kind: 'rotate' }
  /** The token was already rotated: someone holds a copy. Revoke the whole family (the thief's and the owner's). */
  | { kind: 'reuse_detected' }
  | { kind: 'refuse'; reason: 'unknown' | 'expired' | 'revoked' | 'user_inactive' };

// A client that retries a refresh whose answer got lost would look like a thief; a few seconds of grace would
// hide real replays too, so there is none: the client logs in again.

/** Decides what a refresh request with this token leads to. `null` state: no such token. */
export function decideRefresh(state: RefreshTokenState | null, now: Date): RefreshDecision {
  if (!state) return { kind: 'refuse', reason: 'unknown' };
  if (state.revokedAt) return { kind: 'refuse', reason: 'revoked' };
  if (state.rotatedAt) return { kind: 'reuse_detected' };
  if (!state.userActive) return { kind: 'refuse', reason: 'user_inactive' };
  if (state.expiresAt.getTime() <= now.getTime()) return { kind: 'refuse', reason: 'expired' };
  return { kind: 'rotate' };
}
