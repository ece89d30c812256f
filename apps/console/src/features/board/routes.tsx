import type { RouteObject } from 'react-router';

/** The board feature's pages (lazy: each loads its code when first visited). */
export const boardRoutes: RouteObject[] = [
  {
    path: 'board',
    lazy: async () => ({ Component: (await import('./board-page')).BoardPage }),
  },
];
