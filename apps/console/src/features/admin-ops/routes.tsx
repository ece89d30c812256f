import type { RouteObject } from 'react-router';
import type { AdminSection } from '../admin/admin-section';

/** Operations: approval policies, task templates, webhooks, API keys, audit log, dead letters, system. */
export const adminOpsSections: AdminSection[] = [];

/** Child routes of /admin (lazy). */
export const adminOpsRoutes: RouteObject[] = [];
