// The dashboards' server state: every report through the generated client, keyed by its query so a view in the URL
// is a cache entry. Heads get their unit from the server; a filter outside the caller's reach answers 404.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema.gen';
import { hasRole, useMe } from '../../components/use-session';
import { DashboardFilters, Period, monthsOf, scopeQuery } from './period';

type Schemas = components['schemas'];
export type FunnelReport = Schemas['FunnelReportView'];
export type PlanFactReport = Schemas['PlanFactReportView'];
export type PlanFactRow = Schemas['PlanFactRowView'];
export type PlanLine = Schemas['PlanLineView'];
export type NormLine = Schemas['NormReportLineView'];
export type NormSetting = Schemas['NormSettingView'];
export type WarningRule = Schemas['WarningRuleSettingView'];
export type Flagged = Schemas['FlaggedSalespersonView'];
export type StageTime = Schemas['TimeInStageLineView'];
export type Stalled = Schemas['StalledProspectView'];
export type Cohort = Schemas['CohortRowView'];
export type Stage = FunnelReport['stages'][number]['stage'];
export type DrillQuery = NonNullable<paths['/api/prospects']['get']['parameters']['query']>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

// The analytics controllers also produce text/csv, so the generated answer type is `string | json`; with no
// `format` the server answers JSON.
const json = <T>(call: Parameters<typeof unwrap>[0]) => unwrap(call) as Promise<T>;

export const STAGES: Stage[] = [
  'sampling',
  'primary_contact',
  'needs_identification',
  'offer_formation',
  'offer_defence',
  'contract',
];
export const DASHBOARDS_KEY = ['dashboards'] as const;
export const LIST_SIZE = 20;

const range = (period: Period) => ({ from: period.from, to: period.to });
const months = (period: Period) => {
  const all = monthsOf(period);
  return { fromMonth: all[0], toMonth: all[all.length - 1] };
};

export function useFunnel(period: Period, filters: DashboardFilters) {
  const query = { ...range(period), ...scopeQuery(filters) };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'funnel', query],
    queryFn: () => json<FunnelReport>(api.GET('/api/analytics/funnel', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePlanReport(period: Period, filters: DashboardFilters) {
  const query = { ...months(period), ...scopeQuery(filters), groupBy: 'salesperson' as const, limit: 200 };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'plans', 'report', query],
    queryFn: () => json<PlanFactReport>(api.GET('/api/plans/report', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePlanLines(month: string | null, filters: DashboardFilters) {
  const query = { ...(month ? { period: month } : {}), ...scopeQuery(filters), limit: 200 };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'plans', 'lines', query],
    enabled: month !== null,
    queryFn: () => unwrap(api.GET('/api/plans', { params: { query } })),
  });
}

export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpsertPlanDto']) => unwrap(api.PUT('/api/plans', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: [...DASHBOARDS_KEY, 'plans'] }),
  });
}

export function useNorms(month: string, filters: DashboardFilters) {
  const query = { month, ...scopeQuery(filters), limit: 200 };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'norms', query],
    queryFn: () => json<Page<NormLine>>(api.GET('/api/analytics/norms', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useNormSettings() {
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'settings', 'norms'],
    staleTime: 60_000,
    queryFn: () => json<NormSetting[]>(api.GET('/api/analytics/settings/norms')),
  });
}

export function useWarningRules() {
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'settings', 'rules'],
    staleTime: 60_000,
    queryFn: () =>
      json<Page<WarningRule>>(
        api.GET('/api/analytics/settings/early-warning-rules', { params: { query: { limit: 100 } } }),
      ),
  });
}

export function useEarlyWarnings(filters: DashboardFilters, page: number) {
  const query = { ...scopeQuery(filters), limit: LIST_SIZE, offset: (page - 1) * LIST_SIZE };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'warnings', query],
    queryFn: () => json<Page<Flagged>>(api.GET('/api/analytics/early-warnings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useTimeInStage(period: Period, filters: DashboardFilters) {
  const query = { ...range(period), ...scopeQuery(filters) };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'time-in-stage', query],
    queryFn: () => json<StageTime[]>(api.GET('/api/analytics/time-in-stage', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useStalled(filters: DashboardFilters, page: number) {
  const query = { ...scopeQuery(filters), limit: LIST_SIZE, offset: (page - 1) * LIST_SIZE };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'stalled', query],
    queryFn: () => json<Page<Stalled>>(api.GET('/api/analytics/stalled', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCohorts(period: Period, filters: DashboardFilters) {
  const query = { ...months(period), ...scopeQuery(filters) };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'cohorts', query],
    queryFn: () => json<Cohort[]>(api.GET('/api/analytics/cohorts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useDrillDown(query: DrillQuery) {
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'prospects', query],
    queryFn: () => unwrap(api.GET('/api/prospects', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useProductLines() {
  return useQuery({
    queryKey: ['product-lines', 'all'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/product-lines', { params: { query: { limit: 100 } } })),
  });
}

export function useLostReasons() {
  return useQuery({
    queryKey: ['lost-reasons'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/prospects/lost-reasons')),
  });
}

export type Member = Schemas['UnitMemberDto'] & { unitId: string };

/** The units I may choose (the owner) and the salespeople of the units in view, with their names. */
export function usePeople(unitId: string | undefined) {
  const me = useMe();
  const owner = hasRole(me, 'owner');
  const units = useQuery({
    queryKey: ['units', 'list'],
    enabled: owner,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/units', { params: { query: { limit: 100, offset: 0 } } })),
  });
  const unitIds = owner
    ? unitId
      ? [unitId]
      : (units.data?.items.map((u) => u.id) ?? [])
    : me.unitId
      ? [me.unitId]
      : [];
  const members = useQueries({
    queries: unitIds.map((id) => ({
      queryKey: ['units', id, 'members'],
      staleTime: 60_000,
      retry: false,
      queryFn: () => unwrap(api.GET('/api/units/{id}/members', { params: { path: { id } } })),
    })),
  });
  const salespeople: Member[] = members
    .flatMap((q, i) => (q.data ?? []).map((m) => ({ ...m, unitId: unitIds[i] })))
    .filter((m) => m.roles.includes('salesperson'))
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map<string, string>();
  for (const q of members) for (const m of q.data ?? []) names.set(m.id, m.name);
  return { units: units.data?.items ?? [], salespeople, names, owner };
}

export type CsvReport =
  | '/api/analytics/funnel'
  | '/api/plans/report'
  | '/api/analytics/norms'
  | '/api/analytics/early-warnings'
  | '/api/analytics/time-in-stage'
  | '/api/analytics/stalled'
  | '/api/analytics/cohorts';

/** Fetches a report as the API's CSV (through the authenticated client) and saves it as a download. */
export async function downloadCsv(path: CsvReport, query: Record<string, string | number>, fileName: string) {
  const { data, response } = await api.GET(path as '/api/analytics/funnel', {
    params: { query: { ...query, format: 'csv' } as never },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
