import type { RouteObject } from 'react-router';
import type { AdminSection } from '../admin/admin-section';

/** The company's set-up: users, units, product lines, norms and warning rules, lost reasons. */
export const adminOrgSections: AdminSection[] = [];

/** Child routes of /admin (lazy). */
export const adminOrgRoutes: RouteObject[] = [];
