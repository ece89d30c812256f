import type { RouteObject } from 'react-router';
import type { AdminSection } from '../admin/admin-section';

/** How work flows: who approves what (approvals service), which tasks a contract case starts with (contracts). */
export const adminWorkflowSections: AdminSection[] = [
  { path: 'approval-policies', label: 'sections.policies' },
  { path: 'contract-tasks', label: 'sections.templates' },
];

/** Child routes of /admin (lazy); the admin frame lets only admins in. */
export const adminWorkflowRoutes: RouteObject[] = [
  { path: 'approval-policies', lazy: async () => ({ Component: (await import('./policies-page')).PoliciesPage }) },
  { path: 'contract-tasks', lazy: async () => ({ Component: (await import('./templates-page')).TemplatesPage }) },
];
