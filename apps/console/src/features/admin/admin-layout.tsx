import { Alert, Grid, NavLink, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { adminOpsSections } from '../admin-ops/routes';
import { adminOrgSections } from '../admin-org/routes';
import { adminWorkflowSections } from '../admin-workflow/routes';
import { hasRole, useMe } from '../../components/use-session';
import type { AdminSection } from './admin-section';

const GROUPS: { key: string; ns: string; sections: AdminSection[] }[] = [
  { key: 'org', ns: 'adminOrg', sections: adminOrgSections },
  { key: 'workflow', ns: 'adminWorkflow', sections: adminWorkflowSections },
  { key: 'ops', ns: 'adminOps', sections: adminOpsSections },
];

/** The frame of every administration page: the section list beside the open section; admins only. */
export function AdminLayout() {
  const { t } = useTranslation(['admin', 'adminOrg', 'adminWorkflow', 'adminOps']);
  const location = useLocation();
  const me = useMe();
  if (!hasRole(me, 'admin')) {
    // Anyone else sees why, and neither the section list nor a page that would only fail.
    return (
      <Stack>
        <Title order={1}>{t('admin:title')}</Title>
        <Alert color="red" role="alert" title={t('adminOps:common.forbidden')}>
          {null}
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      <Title order={1}>{t('admin:title')}</Title>
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <nav aria-label={t('admin:sections')}>
            {GROUPS.flatMap((group) =>
              group.sections.map((section) => {
                const to = `/admin/${section.path}`;
                const active = location.pathname.startsWith(to);
                return (
                  <NavLink
                    key={to}
                    component={Link}
                    to={to}
                    label={t(`${group.ns}:${section.label}`)}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                  />
                );
              }),
            )}
          </nav>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Outlet />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** /admin itself: the first section, or a hint when none is built. */
export function AdminIndex() {
  const { t } = useTranslation('admin');
  const first = GROUPS.flatMap((group) => group.sections)[0];
  if (first) return <Navigate to={`/admin/${first.path}`} replace />;
  return <Text c="dimmed">{t('pick')}</Text>;
}
