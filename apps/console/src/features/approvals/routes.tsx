import type { RouteObject } from 'react-router';

/** The approvals feature's pages (lazy: each loads its code when first visited). */
export const approvalsRoutes: RouteObject[] = [
  {
    path: 'approvals',
    lazy: async () => ({ Component: (await import('./approvals-page')).ApprovalsPage }),
  },
  {
    path: 'approvals/:id',
    lazy: async () => ({ Component: (await import('./request-page')).RequestPage }),
  },
];
