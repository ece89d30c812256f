import { DigestMode, NotifiableEvent } from '@dealgate/domain';

// What MailRepository hands out and takes; the entity (mail.entity.ts) and the rows of its set-based reads stay
// inside it.

/** Stored values: never rename. */
/** The mail outbox sweep's name, and the commit mark of a transaction that queued an e-mail to send (it wakes the sweep). */
export const MAIL_OUTBOX_SWEEP = 'mail-outbox';

export type MailKind = 'event' | 'digest';
/** held -> bundled (into a digest); pending -> sending -> sent | pending (retry) | failed | skipped. */
export type MailStatus = 'held' | 'bundled' | 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface NewMail {
  userId: string;
  messageId: string;
  eventType: NotifiableEvent;
  title: string;
  body: string;
  linkPath: string;
  /** Waits for the person's digest instead of going out on its own. */
  held: boolean;
}

export interface ClaimedMail {
  id: string;
  userId: string;
  kind: MailKind;
  title: string;
  body: string;
  linkPath: string | null;
  attempts: number;
}

export interface HeldMailSummary {
  userId: string;
  digest: DigestMode;
  lastDigestAt: Date | null;
  oldestHeldAt: Date;
}
