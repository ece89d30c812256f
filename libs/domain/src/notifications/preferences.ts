import { assertNever } from '../domain-error';
import { NOTIFIABLE_EVENTS, NotifiableEvent } from './notifiable-event';

export const CHANNELS = ['in_app', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIGEST_MODES = ['off', 'hourly', 'daily'] as const;
/** `off`: one e-mail per event; otherwise e-mails accumulate and go out bundled once per period. */
export type DigestMode = (typeof DIGEST_MODES)[number];

/** A stored choice; what is not stored is on (people opt out, nobody misses an approval by default). */
export interface ChannelPreference {
  eventType: NotifiableEvent;
  channel: Channel;
  enabled: boolean;
}

export function isChannelEnabled(
  prefs: readonly ChannelPreference[],
  eventType: NotifiableEvent,
  channel: Channel,
): boolean {
  return prefs.find((p) => p.eventType === eventType && p.channel === channel)?.enabled ?? true;
}

export interface PreferenceMatrixRow {
  eventType: NotifiableEvent;
  inApp: boolean;
  email: boolean;
}

/** Every event with both channels, stored choices applied over the defaults. */
export function preferenceMatrix(prefs: readonly ChannelPreference[]): PreferenceMatrixRow[] {
  return NOTIFIABLE_EVENTS.map((eventType) => ({
    eventType,
    inApp: isChannelEnabled(prefs, eventType, 'in_app'),
    email: isChannelEnabled(prefs, eventType, 'email'),
  }));
}

export function digestPeriodMs(mode: Exclude<DigestMode, 'off'>): number {
  switch (mode) {
    case 'hourly':
      return 3_600_000;
    case 'daily':
      return 86_400_000;
    default:
      return assertNever(mode, 'digest mode');
  }
}

/**
 * At most one digest per period: due once a full period has passed since the last digest (or, before the first
 * one, since the oldest e-mail waiting).
 */
export function digestDue(input: {
  mode: DigestMode;
  lastDigestAt: Date | null;
  oldestHeldAt: Date | null;
  now: Date;
}): boolean {
  if (input.mode === 'off') return input.oldestHeldAt !== null; // switched off: release what waits at once
  if (!input.oldestHeldAt) return false;
  const since = input.lastDigestAt ?? input.oldestHeldAt;
  return input.now.getTime() - since.getTime() >= digestPeriodMs(input.mode);
}
