import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, RouteObject, createBrowserRouter, useLocation } from 'react-router';
import { AppLayout } from './components/app-layout';
import { useSession } from './components/use-session';
import { adminRoutes } from './features/admin/routes';
import { approvalsRoutes } from './features/approvals/routes';
import { boardRoutes } from './features/board/routes';
import { contractsRoutes } from './features/contracts/routes';
import { dashboardsRoutes } from './features/dashboards/routes';
import { HomePage } from './features/home/home-page';
import { notificationsRoutes } from './features/notifications/routes';
import { prospectsRoutes } from './features/prospects/routes';
import { samplesRoutes } from './features/samples/routes';
import { tasksRoutes } from './features/tasks/routes';
import { ChangePasswordPage } from './features/session/change-password-page';
import { ExpiredPage } from './features/session/expired-page';
import { LoginPage } from './features/session/login-page';
import { RequireSession } from './features/session/require-session';

function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text>{t('status.notFound')}</Text>
      <Anchor component={Link} to="/">
        {t('status.backHome')}
      </Anchor>
    </Stack>
  );
}

/** A signed-in person who opens /login goes home. */
function AnonymousOnly() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'active') return <Navigate to="/" replace state={location.state as unknown} />;
  return <Outlet />;
}

export const routes: RouteObject[] = [
  {
    element: <AnonymousOnly />,
    children: [{ path: '/login', element: <LoginPage /> }],
  },
  { path: '/session-expired', element: <ExpiredPage /> },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'password', element: <ChangePasswordPage /> },
      ...boardRoutes,
      ...prospectsRoutes,
      ...samplesRoutes,
      ...notificationsRoutes,
      ...approvalsRoutes,
      ...contractsRoutes,
      ...tasksRoutes,
      ...dashboardsRoutes,
      ...adminRoutes,
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
