import type { RouteObject } from 'react-router';
import { adminOpsRoutes } from '../admin-ops/routes';
import { adminOrgRoutes } from '../admin-org/routes';
import { adminWorkflowRoutes } from '../admin-workflow/routes';
import { AdminIndex, AdminLayout } from './admin-layout';

/** The administration (admin role): one frame, the sections of admin-org, admin-workflow and admin-ops inside it. */
export const adminRoutes: RouteObject[] = [
  {
    path: 'admin',
    element: <AdminLayout />,
    children: [{ index: true, element: <AdminIndex /> }, ...adminOrgRoutes, ...adminWorkflowRoutes, ...adminOpsRoutes],
  },
];
