import type { RouteObject } from 'react-router';

/** The contract desk's pages (lazy: each loads its code when first visited). */
export const contractsRoutes: RouteObject[] = [
  {
    path: 'contracts',
    lazy: async () => ({ Component: (await import('./cases-list-page')).CasesListPage }),
  },
  {
    path: 'contracts/:id',
    lazy: async () => ({ Component: (await import('./case-page')).CasePage }),
  },
];
