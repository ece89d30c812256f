import {
  Anchor,
  AppShell,
  Avatar,
  Burger,
  Group,
  Menu,
  NavLink,
  Text,
  UnstyledButton,
  useMatches,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout } from '../api/session';
import { useActingFor } from '../features/approvals/queries';
import { NotificationBell } from '../features/notifications/notification-bell';
import { LanguageSwitch } from './language-switch';
import { Loading } from './states';
import { hasRole, useMe } from './use-session';

interface NavItem {
  to: string;
  label: string;
  roles?: string[];
  /** Also shown to whoever acts for an approver now (a delegation to them is running). */
  delegates?: boolean;
  /** Also shown to members of a task group (delivery's members hold no role of their own). */
  groups?: boolean;
}

const NAV: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/board', label: 'nav.board', roles: ['salesperson', 'sales_head', 'owner'] },
  { to: '/samples', label: 'nav.samples', roles: ['salesperson', 'sales_head', 'owner'] },
  { to: '/approvals', label: 'nav.approvals', roles: ['owner', 'sales_head'], delegates: true },
  { to: '/contracts', label: 'nav.contracts', roles: ['legal', 'accounting', 'sales_head', 'owner'] },
  { to: '/tasks', label: 'nav.tasks', roles: ['legal', 'accounting'], groups: true },
  { to: '/dashboards', label: 'nav.dashboards', roles: ['sales_head', 'owner'] },
  { to: '/notifications', label: 'nav.notifications' },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
];

/** The frame of every signed-in page: header (language, bell, account) and the navigation for the user's roles. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  // Below the navbar's breakpoint a closed navbar is only moved off screen: keep Tab and screen readers out of it.
  const folded = useMatches({ base: true, sm: false }) && !opened;
  const location = useLocation();
  const navigate = useNavigate();
  // Owners and heads always see approvals; anyone else (never an admin) when someone delegated theirs to them.
  const mayAct = hasRole(me, 'salesperson', 'legal', 'accounting') && !hasRole(me, 'owner', 'sales_head');
  const acting = (useActingFor(mayAct).data?.total ?? 0) > 0;
  const items = NAV.filter(
    (item) =>
      !item.roles || hasRole(me, ...item.roles) || (item.delegates && acting) || (item.groups && me.groups.length > 0),
  );
  const active = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname.startsWith(to));

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Anchor href="#main" className="skip-link">
              {t('skipToContent')}
            </Anchor>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text component={Link} to="/" fw={700} size="lg" c="indigo.8" td="none">
              {t('appName')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton aria-label={t('user.menu', { name: me.name })}>
                  <Text size="sm" fw={500} visibleFrom="xs">
                    {me.name}
                  </Text>
                  <Text size="xs" c="dimmed" visibleFrom="xs">
                    {me.roles.map((r) => t(`roles.${r}`)).join(', ')}
                  </Text>
                  <Avatar name={me.name} size={32} color="indigo.8" variant="filled" hiddenFrom="xs" aria-hidden />
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component={Link} to="/password">
                  {t('user.changePassword')}
                </Menu.Item>
                <Menu.Item
                  color="red"
                  onClick={() => {
                    void logout().then(() => navigate('/login'));
                  }}
                >
                  {t('user.logout')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')} inert={folded || undefined}>
        {items.map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t(item.label)}
            active={active(item.to)}
            aria-current={active(item.to) ? 'page' : undefined}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
