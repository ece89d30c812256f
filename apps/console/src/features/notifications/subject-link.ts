// Where in the console a notification's subject lives. The server gives the path (linkPath); the console links it
// only where it has that page yet (approvals, tasks, contracts and analytics pages come in later parts).
const PAGES_IN_CONSOLE = [/^\/prospects\/[^/]+$/, /^\/approvals\/[^/]+$/, /^\/contracts\/[^/]+$/, /^\/tasks\/[^/]+$/];

export function consolePathOf(linkPath: string): string | null {
  return PAGES_IN_CONSOLE.some((page) => page.test(linkPath)) ? linkPath : null;
}

/** The catalogue key of an event type (`prospect.stalled` → `events.prospect_stalled`; i18next splits on dots). */
export function eventKey(eventType: string): string {
  return `events.${eventType.replace(/\./g, '_')}`;
}
