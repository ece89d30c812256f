import { Role } from '../roles';

/** `dg_<public id>_<secret>`: the id finds the row, the secret is checked against its argon2 hash. */
const KEY_PATTERN = /^dg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedApiKey {
  keyId: string;
  secret: string;
}

export function formatApiKey(keyId: string, secret: string): string {
  return `dg_${keyId}_${secret}`;
}

/** Splits a presented key; null for anything that is not shaped like one of ours (never reaches the database). */
export function parseApiKey(raw: unknown): ParsedApiKey | null {
  if (typeof raw !== 'string') return null;
  const match = KEY_PATTERN.exec(raw.trim());
  return match ? { keyId: match[1], secret: match[2] } : null;
}

/** Roles asked for a key that its owner does not hold (a key never grants more than its owner has). */
export function rolesBeyondOwner(requested: readonly Role[], ownerRoles: readonly Role[]): Role[] {
  return [...new Set(requested)].filter((role) => !ownerRoles.includes(role));
}

/** The roles a key acts with today: its scope, narrowed to what the owner still holds (roles may have been taken away). */
export function effectiveKeyRoles(scope: readonly Role[], ownerRoles: readonly Role[]): Role[] {
  return [...new Set(scope)].filter((role) => ownerRoles.includes(role));
}
