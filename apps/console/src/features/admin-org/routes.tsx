import type { RouteObject } from 'react-router';
import type { AdminSection } from '../admin/admin-section';

/** The company's set-up: users, units, product lines, norms and warning rules, lost reasons. */
export const adminOrgSections: AdminSection[] = [
  { path: 'users', label: 'sections.users' },
  { path: 'units', label: 'sections.units' },
  { path: 'product-lines', label: 'sections.productLines' },
  { path: 'norms', label: 'sections.norms' },
  { path: 'lost-reasons', label: 'sections.lostReasons' },
];

/** Child routes of /admin (lazy). */
export const adminOrgRoutes: RouteObject[] = [
  { path: 'users', lazy: async () => ({ Component: (await import('./users-page')).UsersPage }) },
  { path: 'units', lazy: async () => ({ Component: (await import('./units-page')).UnitsPage }) },
  {
    path: 'product-lines',
    lazy: async () => ({ Component: (await import('./product-lines-page')).ProductLinesPage }),
  },
  { path: 'norms', lazy: async () => ({ Component: (await import('./norms-page')).NormsPage }) },
  { path: 'lost-reasons', lazy: async () => ({ Component: (await import('./lost-reasons-page')).LostReasonsPage }) },
];
