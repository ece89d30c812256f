import { NOTIFIABLE_EVENTS, NotifiableEvent } from './notifiable-event';

export interface DigestItem {
  eventType: NotifiableEvent;
  title: string;
  body: string;
  linkPath: string;
  createdAt: Date;
}

export interface DigestSection {
  eventType: NotifiableEvent;
  items: DigestItem[];
}

export interface Digest {
  subject: string;
  count: number;
  sections: DigestSection[];
}

export function digestSubject(count: number, label: string): string {
  return `Your ${label} Dealgate digest: ${count} update${count === 1 ? '' : 's'}`;
}

/** Groups what accumulated by event type (in the contract's order), oldest first within a group. */
export function bundleDigest(items: readonly DigestItem[], label: string): Digest {
  const sections = NOTIFIABLE_EVENTS.map((eventType) => ({
    eventType,
    items: items.filter((i) => i.eventType === eventType).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  })).filter((s) => s.items.length > 0);
  const count = items.length;
  return { subject: digestSubject(count, label), count, sections };
}
