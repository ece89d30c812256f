import { Navigate, useParams } from 'react-router';
import type { RouteObject } from 'react-router';

/** A notification's link to one task (/tasks/:id) opens the desk with that task beside it. */
function TaskLink() {
  const { id = '' } = useParams();
  return <Navigate to={`/tasks?task=${encodeURIComponent(id)}`} replace />;
}

/** The task desk (lazy: its code loads when first visited). */
export const tasksRoutes: RouteObject[] = [
  {
    path: 'tasks',
    lazy: async () => ({ Component: (await import('./task-desk-page')).TaskDeskPage }),
  },
  { path: 'tasks/:id', element: <TaskLink /> },
];
