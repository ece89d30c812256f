import type { RouteObject } from 'react-router';

/** The prospects feature's pages (lazy: each loads its code when first visited). */
export const prospectsRoutes: RouteObject[] = [
  {
    path: 'prospects/:id',
    lazy: async () => ({ Component: (await import('./prospect-page')).ProspectPage }),
  },
];
