import type { RouteObject } from 'react-router';

/** The notifications feature's pages (lazy: each loads its code when first visited). */
export const notificationsRoutes: RouteObject[] = [
  {
    path: 'notifications',
    lazy: async () => ({ Component: (await import('./inbox-page')).InboxPage }),
  },
  {
    path: 'notifications/preferences',
    lazy: async () => ({ Component: (await import('./preferences-page')).PreferencesPage }),
  },
];
