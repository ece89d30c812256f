import 'dayjs/locale/hu';
import { Stack, Tabs, Text, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasRole, useMe } from '../../components/use-session';
import { DashboardFiltersBar } from './dashboard-filters';
import { ForecastSection } from './forecast-section';
import { FunnelSection } from './funnel-section';
import { NormsSection } from './norms-section';
import { DashboardFilters, Period, parseFilters, parsePeriod, withView } from './period';
import { PlanSection } from './plan-section';
import { Forbidden } from './report-parts';
import { StagesSection } from './stages-section';
import { WarningsSection } from './warnings-section';

const TABS = ['funnel', 'plan', 'norms', 'stages', 'warnings', 'forecast'] as const;
type Tab = (typeof TABS)[number];

/**
 * /dashboards: the sales head's (their unit) and the owner's (everything) figures for a period. Period, filters and
 * tab live in the URL; the server scopes every report to the caller and refuses a unit or person outside it.
 */
export function DashboardsPage() {
  const { t, i18n } = useTranslation('dashboards');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const period = parsePeriod(params);
  const filters = parseFilters(params);
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && TABS.includes(asked) ? asked : 'funnel';
  const change = (next: Period, nextFilters: DashboardFilters) => setParams(withView(params, next, nextFilters));
  const select = (value: string | null) => {
    const next = new URLSearchParams(params);
    next.set('tab', value ?? 'funnel');
    setParams(next);
  };
  const allowed = hasRole(me, 'owner', 'sales_head');
  return (
    <DatesProvider settings={{ locale: i18n.language === 'hu' ? 'hu' : 'en', firstDayOfWeek: 1 }}>
      <Stack>
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text size="sm" c="gray.7" maw={720}>
            {!hasRole(me, 'owner') ? t('introHead') : filters.unitId ? t('introOwnerUnit') : t('introOwner')}
          </Text>
        </Stack>
        {!allowed ? (
          <Forbidden />
        ) : (
          <>
            <DashboardFiltersBar period={period} filters={filters} onChange={change} />
            <Tabs value={tab} onChange={select} keepMounted={false}>
              <Tabs.List>
                {TABS.map((key) => (
                  <Tabs.Tab key={key} value={key}>
                    {t(`tabs.${key}`)}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              <Tabs.Panel value="funnel" pt="md">
                <FunnelSection period={period} filters={filters} />
              </Tabs.Panel>
              <Tabs.Panel value="plan" pt="md">
                <PlanSection period={period} filters={filters} />
              </Tabs.Panel>
              <Tabs.Panel value="norms" pt="md">
                <NormsSection period={period} filters={filters} />
              </Tabs.Panel>
              <Tabs.Panel value="stages" pt="md">
                <StagesSection period={period} filters={filters} />
              </Tabs.Panel>
              <Tabs.Panel value="warnings" pt="md">
                <WarningsSection filters={filters} />
              </Tabs.Panel>
              <Tabs.Panel value="forecast" pt="md">
                <ForecastSection filters={filters} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </DatesProvider>
  );
}
