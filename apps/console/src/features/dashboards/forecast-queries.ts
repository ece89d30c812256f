// The forecast's server state: the forecast and its measured accuracy, each keyed by the dashboard's filters.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema.gen';
import { DashboardFilters, scopeQuery } from './period';
import { DASHBOARDS_KEY } from './queries';

export type ForecastReport = components['schemas']['ForecastReportView'];
export type ForecastAccuracy = components['schemas']['ForecastBacktestView'];

/** Open deals listed beside the forecast, most likely first. */
export const FORECAST_DEALS = 10;

export function useForecast(filters: DashboardFilters) {
  const query = { ...scopeQuery(filters), limit: FORECAST_DEALS };
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'forecast', query],
    queryFn: () => unwrap(api.GET('/api/analytics/forecast', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useForecastAccuracy(filters: DashboardFilters) {
  const query = scopeQuery(filters);
  return useQuery({
    queryKey: [...DASHBOARDS_KEY, 'forecast', 'accuracy', query],
    queryFn: () => unwrap(api.GET('/api/analytics/forecast/backtest', { params: { query } })),
    // A backtest takes seconds and changes only with the history: keep it for a while.
    staleTime: 10 * 60_000,
    placeholderData: keepPreviousData,
  });
}
