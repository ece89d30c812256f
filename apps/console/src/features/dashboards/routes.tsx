import type { RouteObject } from 'react-router';

/** The management dashboards (lazy: their code, charts included, loads when first visited). */
export const dashboardsRoutes: RouteObject[] = [
  {
    path: 'dashboards',
    lazy: async () => ({ Component: (await import('./dashboards-page')).DashboardsPage }),
  },
  {
    path: 'dashboards/prospects',
    lazy: async () => ({ Component: (await import('./drill-down-page')).DrillDownPage }),
  },
];
